// SPDX-License-Identifier: Apache-2.0

/// The output of `app.bsky.feed.getAuthorFeed`: feed entries, each a post and, for a repost,
/// the `reason`.
struct BlueskyAuthorFeed: Decodable {
    struct Entry: Decodable {
        var post: BlueskyPost
        /// `app.bsky.feed.defs#reasonRepost` when the account reposted someone else's post.
        var reason: Reason?
    }

    struct Reason: Decodable {
        var type: String?

        enum CodingKeys: String, CodingKey {
            case type = "$type"
        }
    }

    var cursor: String?
    var feed: LenientList<Entry>
}
