// SPDX-License-Identifier: Apache-2.0

/// One entry of a Mastodon timeline: a post, or a boost wrapping one. Only the fields
/// failwatch reads; unknown fields are ignored, optional ones may be missing or null.
///
/// Shape: https://docs.joinmastodon.org/entities/Status/
struct MastodonStatus: Decodable {
    /// The timeline position (the boost's own id for a boost); cursors compare these.
    var id: String
    /// The status itself.
    var post: MastodonPost
    /// The boosted post, whose id, text and author are what counts.
    var reblog: MastodonPost?

    enum CodingKeys: String, CodingKey { case id, reblog }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        post = try MastodonPost(from: decoder)
        reblog = try container.decodeIfPresent(MastodonPost.self, forKey: .reblog)
    }
}

/// The content of a status.
struct MastodonPost: Decodable {
    var id: String
    /// The ActivityPub id, the same on every instance.
    var uri: String?
    /// The human-readable page.
    var url: String?
    var createdAt: String?
    /// ISO 639 language the author chose, often missing.
    var language: String?
    /// HTML.
    var content: String?
    /// The content warning, plain text.
    var spoilerText: String?
    var account: MastodonAccount?
    var tags: [MastodonTag]?

    enum CodingKeys: String, CodingKey {
        case id, uri, url, language, content, account, tags
        case createdAt = "created_at"
        case spoilerText = "spoiler_text"
    }
}

/// The author of a status, or the answer of `/api/v1/accounts/lookup`.
struct MastodonAccount: Decodable {
    var id: String
    /// `name` for the instance's own users, `name@host` for others.
    var acct: String?
    var username: String?
    /// The profile page, whose host completes a local `acct`.
    var url: String?
}

struct MastodonTag: Decodable {
    var name: String
}
