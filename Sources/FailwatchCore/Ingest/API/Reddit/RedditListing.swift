// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A Reddit listing (`/search.json`, `/r/NAME/new.json`): only the fields failwatch reads.
///
/// Shape: https://www.reddit.com/dev/api/#listings
struct RedditListing: Decodable {
    var data: RedditListingData
}

struct RedditListingData: Decodable {
    /// The fullname to pass as `after` for the next (older) page; null on the last page.
    var after: String?
    /// A child with every field null is skipped, not the page.
    var children: LenientList<RedditThing>
}

/// One child: a link (`t3`) or a comment (`t1`).
struct RedditThing: Decodable {
    var kind: String?
    var data: RedditPost
}

struct RedditPost: Decodable {
    /// The fullname, e.g. `t3_1gx0abc`.
    var name: String
    var title: String?
    /// A text post's body (markdown; `raw_json=1` keeps `&` as is).
    var selftext: String?
    /// A comment's body.
    var body: String?
    var author: String?
    /// Seconds since 1970 (a JSON number, sometimes with `.0`); may be anything, see `created`.
    var createdUTC: Double?
    /// The comments page, relative: `/r/de/comments/1gx0abc/slug/`.
    var permalink: String?
    var subreddit: String?

    /// `created_utc` when it is a time failwatch can hold (years 1…9999), else `nil`.
    var created: Date? { createdUTC.flatMap { UntrustedNumber.instant(unixSeconds: $0) } }

    enum CodingKeys: String, CodingKey {
        case name, title, selftext, body, author, permalink, subreddit
        case createdUTC = "created_utc"
    }
}
