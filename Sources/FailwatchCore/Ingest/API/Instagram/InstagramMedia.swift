// SPDX-License-Identifier: Apache-2.0

/// One media of the account (a page of `/{ig-user-id}/media` is a `GraphPage` of them), with the
/// `comments{…,replies{…}}` fields expanded: only what failwatch reads. Its caption is the
/// provider speaking. `caption` is missing on a media without one; `permalink` on media flagged
/// for copyright; a comment's `username` and `from` on a commenter Instagram no longer shows (a
/// deleted or restricted account).
///
/// Shape: https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
/// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments
struct InstagramMedia: Decodable {
    var id: String
    var caption: String?
    /// `2026-11-20T16:00:00+0000`.
    var timestamp: String?
    var permalink: String?
    /// The account's own username.
    var username: String?
    var comments: InstagramComments?
}

/// Comments under a media, or replies under a comment, newest first.
struct InstagramComments: Decodable {
    var data: LenientList<InstagramComment>
}

/// `IG Comment`: a top-level comment (with its `replies`) or a reply.
struct InstagramComment: Decodable {
    var id: String
    var text: String?
    var timestamp: String?
    var username: String?
    var from: InstagramActor?
    /// Hidden by the account's moderators; still someone's complaint.
    var hidden: Bool?
    var replies: InstagramComments?
}

/// `from{id,username}`: the commenter's app-scoped id and handle.
struct InstagramActor: Decodable {
    var id: String?
    var username: String?
}
