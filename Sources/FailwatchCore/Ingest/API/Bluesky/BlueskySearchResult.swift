// SPDX-License-Identifier: Apache-2.0

/// The output of `app.bsky.feed.searchPosts`: only the fields failwatch reads.
///
/// Shape: https://docs.bsky.app/docs/api/app-bsky-feed-search-posts
struct BlueskySearchResult: Decodable {
    /// Where the next (older) page starts; missing on the last page.
    var cursor: String?
    /// A post the AppView sends half-empty is skipped, not the page.
    var posts: LenientList<BlueskyPost>
}

/// `app.bsky.feed.defs#postView`.
struct BlueskyPost: Decodable {
    /// `at://did:plc:…/app.bsky.feed.post/<rkey>`, the post's stable id.
    var uri: String
    var author: BlueskyAuthor
    var record: BlueskyRecord
    var indexedAt: String?
}

struct BlueskyAuthor: Decodable {
    var did: String
    var handle: String?
}

/// `app.bsky.feed.post`, the post as its author wrote it.
struct BlueskyRecord: Decodable {
    var text: String?
    var createdAt: String?
    /// The languages the author's client declared, most likely first.
    var langs: [String]?
}
