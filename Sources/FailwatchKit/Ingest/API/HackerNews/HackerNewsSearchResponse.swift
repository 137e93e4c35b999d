// SPDX-License-Identifier: Apache-2.0

/// One page of `https://hn.algolia.com/api/v1/search_by_date`, as documented at
/// https://hn.algolia.com/api; only the fields failwatch reads.
struct HackerNewsSearchResponse: Decodable {
    var hits: [Hit]
    /// This page's number, from 0.
    var page: Int?
    /// How many pages the query has.
    var nbPages: Int?

    /// A story or a comment.
    struct Hit: Decodable {
        var objectID: String?
        var createdAtI: Int?
        var createdAt: String?
        var author: String?
        var title: String?
        var url: String?
        /// HTML.
        var storyText: String?
        /// HTML.
        var commentText: String?

        enum CodingKeys: String, CodingKey {
            case objectID, author, title, url
            case createdAtI = "created_at_i"
            case createdAt = "created_at"
            case storyText = "story_text"
            case commentText = "comment_text"
        }
    }
}
