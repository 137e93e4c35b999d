// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// What `failwatch silence` reads from the command line, read the way feeds.yml reads it.
extension Silence {
    /// A duration as feeds.yml writes them (`90m`, `2h`, `1d`), for `silence --for`.
    public static func duration(_ text: String) -> TimeInterval? { DurationText.seconds(text) }

    /// Text from the command line (a reason, a name) as one short line for the store and chat.
    public static func cleaned(_ text: String) -> String { AlertText.clean(text, limit: 200) }
}
