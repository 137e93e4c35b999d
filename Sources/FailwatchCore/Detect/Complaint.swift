// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One stored outage complaint about a provider, as detection and alerts need it.
public struct Complaint: Hashable, Sendable {
    /// The voice: time, author key and thread.
    public var event: DetectorEvent
    /// The source name from feeds.yml.
    public var source: String
    /// The post's text and link, for sample posts in alerts.
    public var text: String
    public var link: String?
    /// A retweet/boost of another post: it adds no new voice.
    public var repost: Bool
    /// What failed, as the classifier heard it; `nil` for posts stored before symptoms were kept.
    public var symptom: Symptom?
    /// The stored post's id: tells the posts a detection pass read from those stored after it
    /// in the same second (``DetectionCheckpoint/countedThrough``); `nil` outside a store.
    public var postID: Int64?
    /// The start of the interval `poll` counted it in when that is later than its own: it arrived
    /// after an earlier run had counted its interval (a slow source). `nil`: counted where it was
    /// published, or stored before poll kept this.
    public var countedAt: Date?

    public init(
        event: DetectorEvent, source: String, text: String = "", link: String? = nil, repost: Bool = false,
        symptom: Symptom? = nil, postID: Int64? = nil, countedAt: Date? = nil
    ) {
        self.event = event
        self.source = source
        self.text = text
        self.link = link
        self.repost = repost
        self.symptom = symptom
        self.postID = postID
        self.countedAt = countedAt
    }

    /// When detection first counted it: ``countedAt`` for a post that arrived late, else its time.
    public var countedTime: Date { max(event.time, countedAt ?? event.time) }

    /// The thread a post replies to, read from a reply title ("Re: Vodafone down?", "AW: …"):
    /// feeds carry no reply ids, and a forum thread's replies are one conversation, not a wave.
    ///
    /// - Returns: the lower-cased title without its reply prefixes, or `nil` for a post that is no reply.
    public static func thread(ofTitle title: String?) -> String? {
        guard var rest = title?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        var replied = false
        while let prefix = ["re:", "aw:", "antw:", "re :", "wg:"].first(where: { rest.hasPrefix($0) }) {
            rest = String(rest.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            replied = true
        }
        return replied && !rest.isEmpty ? rest : nil
    }
}
