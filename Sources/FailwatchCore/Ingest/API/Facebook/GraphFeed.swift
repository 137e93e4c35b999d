// SPDX-License-Identifier: Apache-2.0

/// A page of `/{page-id}/feed` with the `comments{…}` field expanded: only what failwatch
/// reads. `from` is missing when the token may not read who wrote (a user's comment without
/// `pages_read_user_content`); `message` is missing for a photo, sticker or share.
///
/// Shape: https://developers.facebook.com/docs/graph-api/reference/page/feed/
struct GraphFeed: Decodable {
    var data: [GraphPost]
    var paging: GraphPaging?
}

/// A post on the page (the page's own, or a visitor's; its id is `PAGEID_POSTID`), or a comment.
struct GraphPost: Decodable {
    var id: String
    var message: String?
    /// What Facebook writes for posts without a message ("LIWEST updated their cover photo.").
    var story: String?
    /// `2026-11-21T08:12:40+0000`.
    var createdTime: String?
    var permalinkURL: String?
    var from: GraphActor?
    var comments: GraphComments?

    enum CodingKeys: String, CodingKey {
        case id, message, story, from, comments
        case createdTime = "created_time"
        case permalinkURL = "permalink_url"
    }
}

/// The comments under a post, replies included (`filter(stream)`), newest first; a comment
/// has a post's fields less `story` and `comments`, and its id is `POSTID_COMMENTID`.
struct GraphComments: Decodable {
    var data: [GraphPost]
}

/// Who wrote: the page itself or a person.
struct GraphActor: Decodable {
    var id: String?
    var name: String?
}

/// Cursor paging: `cursors.after` continues older; `next` is present only when there is more.
struct GraphPaging: Decodable {
    var cursors: GraphCursors?
    var next: String?
}

struct GraphCursors: Decodable {
    var after: String?
}

/// The Graph API's error object, `{"error": {"message", "type", "code", "error_subcode"}}`.
///
/// Errors: https://developers.facebook.com/docs/graph-api/guides/error-handling/
struct GraphErrorBody: Decodable {
    struct Detail: Decodable {
        var message: String?
        var code: Int?
        var subcode: Int?

        enum CodingKeys: String, CodingKey {
            case message, code
            case subcode = "error_subcode"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            message = try? container.decodeIfPresent(String.self, forKey: .message)
            // Codes are small integers; anything else (a float, a huge number) reads as unknown.
            code = try? container.decodeIfPresent(Int.self, forKey: .code)
            subcode = try? container.decodeIfPresent(Int.self, forKey: .subcode)
        }
    }

    var error: Detail
}
