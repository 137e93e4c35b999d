// SPDX-License-Identifier: Apache-2.0
import Foundation

extension AlertMessage.OfficialState {
    /// Something official is watched and all of it says everything is fine: customers
    /// complaining now is the silent outage the alert should point out.
    public var reportsNoProblem: Bool {
        let page = statusPage.map(Self.soundsFine)
        let probes = monitoring.map(Self.soundsFine)
        guard page != nil || probes != nil else { return false }
        return (page ?? true) && (probes ?? true)
    }

    private static func soundsFine(_ text: String) -> Bool {
        let lower = text.lowercased()
        let fine = ["operational", "all good", "no incident", "no known issue", "green", "normal", "no issues"]
        let trouble = ["degraded", "outage", "partial", "major", "investigat", "identified", "failing", "down"]
        return fine.contains { lower.contains($0) } && !trouble.contains { lower.contains($0) }
    }
}
