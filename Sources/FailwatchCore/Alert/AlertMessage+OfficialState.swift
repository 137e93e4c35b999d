// SPDX-License-Identifier: Apache-2.0
import Foundation

extension AlertMessage.OfficialState {
    /// The status page phrase when nothing is wrong there.
    public static let allOperational = "all operational"
    /// The monitoring phrase of an Alertmanager with no active alert.
    public static let noActiveAlerts = "no active alerts"
    /// The monitoring phrase of a health URL that answered 2xx.
    public static let healthCheckOK = "health check ok"

    /// No official signal reports a problem: the status page (if watched) is all operational
    /// and internal monitoring (if wired) is green. While customers complain, that is a
    /// silent outage. A signal that could not be read (page not read lately, monitoring
    /// unreachable) is not green: failwatch does not call silent what it could not hear.
    /// Posts do not count either way: a post is not a statement about the outage.
    public var isGreen: Bool {
        let pageGreen = statusPage.map { $0 == Self.allOperational } ?? true
        let monitoringGreen = monitoring.map { $0 == Self.noActiveAlerts || $0 == Self.healthCheckOK } ?? true
        return pageGreen && monitoringGreen
    }

    /// Something official is watched and all of it is green: customers complaining now is
    /// the silent outage the alert points out. With nothing watched failwatch cannot tell.
    public var isSilent: Bool { (statusPage != nil || monitoring != nil) && isGreen }
}
