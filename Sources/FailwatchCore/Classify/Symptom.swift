// SPDX-License-Identifier: Apache-2.0

/// What an outage report says has failed, so an alert can say "most reported: SMS 70%, calls 20%".
public enum Symptom: String, Codable, Sendable, CaseIterable {
    case internet
    case mobileData = "mobile_data"
    case signal
    case calls
    case sms
    case tv
    case phone
    case email
    case hosting
    case app
    case unknown
}
