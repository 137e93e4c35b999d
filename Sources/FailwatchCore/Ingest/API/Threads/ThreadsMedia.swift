// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One Threads post or reply (`/keyword_search`, `/me/threads` and `/{id}/conversation` answer a
/// `GraphPage` of them): only what failwatch reads. `username` and `permalink` are missing for
/// authors who are not public and not followed; `text` on image and video posts without words;
/// `paging.next` is not always sent even when `cursors.after` is.
///
/// Shape: https://developers.facebook.com/docs/threads/retrieve-and-manage-replies/replies-and-conversations,
/// https://developers.facebook.com/docs/threads/keyword-search
struct ThreadsMedia: Decodable {
    var id: String
    var text: String?
    /// `2026-11-21T08:40:00+0000`.
    var timestamp: String?
    var permalink: String?
    var username: String?
    /// `false` when nobody replied; missing when not asked.
    var hasReplies: Bool?
    /// On replies: whether the token's own account wrote it.
    var isReplyOwnedByMe: Bool?
    /// A repost of someone else's post (`REPOST_FACADE`) adds no voice.
    var mediaType: String?

    enum CodingKeys: String, CodingKey {
        case id, text, timestamp, permalink, username
        case hasReplies = "has_replies"
        case isReplyOwnedByMe = "is_reply_owned_by_me"
        case mediaType = "media_type"
    }

    /// The fields every request asks for.
    static let fields = "id,text,timestamp,permalink,username,has_replies,is_reply_owned_by_me,media_type"

    /// The post as a feed item, `threads:@username` as author; `nil` without words.
    var item: FeedItem? {
        let content = HTMLText.collapsingWhitespace(text ?? "")
        guard !content.isEmpty else { return nil }
        var item = FeedItem(
            id: "threads:" + id,
            link: permalink ?? username.map { "https://www.threads.net/@\($0)" } ?? "https://www.threads.net/",
            author: username.map { "threads:@" + $0 }, published: timestamp.flatMap(FeedDate.parse), content: content)
        item.repost = mediaType == "REPOST_FACADE"
        return item
    }
}
