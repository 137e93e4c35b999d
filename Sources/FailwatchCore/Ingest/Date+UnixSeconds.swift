// SPDX-License-Identifier: Apache-2.0
import Foundation

extension Date {
    /// Whole seconds since 1970, as the store keeps times; clamped to years 1…9999, so no
    /// date from outside can trap here.
    public var unixSeconds: Int64 { UntrustedNumber.clampedSeconds(self) }

    /// A stored time back as a date; `nil` stays `nil`.
    public init?(unixSeconds: Int64?) {
        guard let unixSeconds else { return nil }
        self.init(timeIntervalSince1970: TimeInterval(unixSeconds))
    }
}
