// SPDX-License-Identifier: Apache-2.0

/// One page of Lemmy's `GET /api/v3/search` (`SearchResponse` in lemmy-js-client); only the
/// fields failwatch reads. Posts and comments come in their own arrays.
struct LemmySearchResponse: Decodable {
    /// A view with every field null is skipped, not the page.
    var posts: LenientList<PostView>?
    var comments: LenientList<CommentView>?

    struct PostView: Decodable {
        var post: Post
        var creator: Person?
    }

    struct CommentView: Decodable {
        var comment: Comment
        var creator: Person?
    }

    struct Post: Decodable {
        /// The title.
        var name: String?
        /// Markdown.
        var body: String?
        /// The link the post shares, if any.
        var url: String?
        /// The post's ActivityPub id, its canonical address.
        var apID: String?
        var published: String?

        enum CodingKeys: String, CodingKey {
            case name, body, url, published
            case apID = "ap_id"
        }
    }

    struct Comment: Decodable {
        /// Markdown.
        var content: String?
        var apID: String?
        var published: String?

        enum CodingKeys: String, CodingKey {
            case content, published
            case apID = "ap_id"
        }
    }

    struct Person: Decodable {
        var name: String?
        /// `https://host/u/name`; Lemmy 1.0 calls it `ap_id`.
        var actorID: String?
        var apID: String?

        enum CodingKeys: String, CodingKey {
            case name
            case actorID = "actor_id"
            case apID = "ap_id"
        }
    }
}
