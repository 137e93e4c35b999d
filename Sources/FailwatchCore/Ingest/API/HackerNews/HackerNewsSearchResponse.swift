// SPDX-License-Identifier: Apache-2.0

/// One page of `https://hn.algolia.com/api/v1/search_by_date`, as documented at
/// https://hn.algolia.com/api; only the fields failwatch reads.
///
/// Numbers are read as doubles and checked (``UntrustedNumber``): a `created_at_i` of 1e300
/// or a page count of 1e19 is a field left out, never a trap or a failed page.
struct HackerNewsSearchResponse: Decodable {
    /// A hit with every field null is skipped, not the page.
    var hits: LenientList<Hit>
    /// This page's number, from 0.
    var page: Int?
    /// How many pages the query has.
    var nbPages: Int?

    enum CodingKeys: String, CodingKey { case hits, page, nbPages }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hits = try container.decode(LenientList<Hit>.self, forKey: .hits)
        page = (try? container.decodeIfPresent(Double.self, forKey: .page))?.flatMap(UntrustedNumber.integer)
        nbPages = (try? container.decodeIfPresent(Double.self, forKey: .nbPages))?.flatMap(UntrustedNumber.integer)
    }

    /// A story or a comment.
    struct Hit: Decodable {
        var objectID: String?
        /// Unix seconds; `nil` when missing or out of range.
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

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            objectID = try container.decodeIfPresent(String.self, forKey: .objectID)
            createdAtI = (try? container.decodeIfPresent(Double.self, forKey: .createdAtI))?
                .flatMap { UntrustedNumber.instant(unixSeconds: $0) == nil ? nil : UntrustedNumber.integer($0) }
            createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
            author = try container.decodeIfPresent(String.self, forKey: .author)
            title = try container.decodeIfPresent(String.self, forKey: .title)
            url = try container.decodeIfPresent(String.self, forKey: .url)
            storyText = try container.decodeIfPresent(String.self, forKey: .storyText)
            commentText = try container.decodeIfPresent(String.self, forKey: .commentText)
        }
    }
}
