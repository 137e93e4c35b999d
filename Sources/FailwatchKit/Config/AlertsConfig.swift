// SPDX-License-Identifier: Apache-2.0
import Foundation

/// feeds.yml `alerts:`: what every alert carries besides the evidence.
public struct AlertsConfig: Sendable, Equatable {
    /// `more_link:` where readers find more (a dashboard, a report page); `nil` for none.
    public var moreLink: URL?

    public init(moreLink: URL? = nil) {
        self.moreLink = moreLink
    }
}
