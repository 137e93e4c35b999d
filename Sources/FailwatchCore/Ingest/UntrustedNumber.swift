// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Turns numbers from outside (API fields, response headers, feed values) into what failwatch
/// computes with, without ever trapping: a value out of range is `nil`, and the caller skips the
/// field or says so in one line.
///
/// Swift's `Int(_: Double)` traps on NaN, infinity and anything beyond ±9.2e18, and so does
/// `Int64(date.timeIntervalSince1970)` for a date 1e300 seconds out: a Reddit answer with
/// `"created_utc": 1e300` or `X-RateLimit-Reset: 1e300` once stopped whole runs, every run.
public enum UntrustedNumber {
    /// The instants failwatch accepts, in Unix seconds: years 1 through 9999, what ISO 8601
    /// and the store's integer seconds can hold.
    public static let instantRange: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    /// The whole part of a number; `nil` for NaN, infinities and values beyond `Int`.
    public static func integer(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        return Int(exactly: value.rounded(.towardZero))
    }

    /// An integer written as text (`"42"`, `" 1e3 "`, `"7.0"`); `nil` when it is no number or out of range.
    public static func integer(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return Int(trimmed) ?? Double(trimmed).flatMap(integer)
    }

    /// The instant `seconds` after 1970; `nil` outside years 1…9999 or not finite.
    public static func instant(unixSeconds seconds: Double) -> Date? {
        guard seconds.isFinite, instantRange.contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// The instant `milliseconds` after 1970; `nil` outside years 1…9999 or not finite.
    public static func instant(unixMilliseconds milliseconds: Double) -> Date? {
        instant(unixSeconds: milliseconds / 1000)
    }

    /// Whole Unix seconds of any date, clamped to ``instantRange`` so a date that slipped
    /// through can still be stored and printed.
    static func clampedSeconds(_ date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970
        guard !seconds.isNaN else { return 0 }
        let clamped = min(max(seconds, instantRange.lowerBound), instantRange.upperBound)
        return Int64(clamped.rounded(.down))
    }
}
