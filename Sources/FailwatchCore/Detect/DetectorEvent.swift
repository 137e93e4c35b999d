// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One classified post as the detector sees it: who spoke, where, when, and what it was.
///
/// The detector counts voices, not posts, so it needs the author and the thread but never the text.
public struct DetectorEvent: Codable, Hashable, Sendable {
    /// When the post was published.
    public var time: Date
    /// A stable author key (handle, account id); one author is one voice per interval.
    public var author: String
    /// The conversation the post belongs to, if any; a thread of replies is one voice, not a wave.
    public var thread: String?
    /// The post reports an outage ("is X down?").
    public var outage: Bool
    /// The post is a complaint of any kind (outage complaints included).
    public var complaint: Bool

    public init(time: Date, author: String, thread: String? = nil, outage: Bool, complaint: Bool) {
        self.time = time
        self.author = author
        self.thread = thread
        self.outage = outage
        self.complaint = complaint
    }
}
