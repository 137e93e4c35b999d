// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// What becomes of an incident's held alerts for one sink once its silence or maintenance
/// window is over, as Alertmanager users expect of a silence: an incident still firing alerts
/// then (its opening, and its newest update), one that ended meanwhile stays quiet, unless the
/// sink had heard of it before the silence, in which case it hears that it ended.
public enum HeldRelease {
    public enum Verdict: Sendable, Equatable {
        case release
        case suppress(reason: String)
    }

    /// - Parameters:
    ///   - held: the conversation's held alerts, oldest first.
    ///   - pending: its alerts waiting to be sent (a resolution written after the silence ended).
    ///   - open: whether the incident is still open.
    ///   - delivered: whether any message of the incident reached the sink.
    /// - Returns: a verdict per alert id; pending alerts appear only when they are not to be sent.
    public static func decide(held: [OutboxEntry], pending: [OutboxEntry], open: Bool, delivered: Bool) -> [Int64: Verdict] {
        var verdicts: [Int64: Verdict] = [:]
        let ended = Verdict.suppress(reason: "held, and the incident ended before the silence did")
        let superseded = Verdict.suppress(reason: "held, and a later message says more")
        let keep: Set<Int64>
        if open {
            let opening = held.first { $0.message.updateNumber == 0 }?.id
            let update = held.last { $0.message.kind == .updated }?.id
            keep = Set([opening, update].compactMap { $0 })
        } else if delivered {
            keep = Set([held.last { $0.message.kind == .resolved }?.id].compactMap { $0 })
        } else {
            keep = []
            for entry in pending { if let id = entry.id { verdicts[id] = ended } }
        }
        for entry in held {
            guard let id = entry.id else { continue }
            verdicts[id] = keep.contains(id) ? .release : (open || delivered ? superseded : ended)
        }
        return verdicts
    }
}
