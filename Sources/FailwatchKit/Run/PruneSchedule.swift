// SPDX-License-Identifier: Apache-2.0
import FailwatchStore
import Foundation

/// When poll prunes by itself: once a day, so a cron run every 5 minutes does not spend its
/// time deleting, and a store nobody prunes by hand still stops growing.
public enum PruneSchedule {
    public static let interval: TimeInterval = 86_400

    /// Whether a prune is due at `now`, given when the last one ran.
    ///
    /// A last prune "after" now (a replay with `--now` ahead) does not hold pruning back.
    public static func isDue(_ retention: RetentionConfig, last: Date?, now: Date) -> Bool {
        guard retention.isEnabled else { return false }
        guard let last, last <= now else { return true }
        return now.timeIntervalSince(last) >= interval
    }
}
