// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Layout choices every renderer shares, so platforms differ in syntax, not in content.
extension AlertMessage {
    /// Samples shown: all (up to 5) when an incident opens or in a test, 3 in an update,
    /// none on resolution (the first message has them).
    public var shownSamples: ArraySlice<SamplePost> {
        switch kind {
        case .opened, .test: samples.prefix(Self.maximumSamples)
        case .updated: samples.prefix(3)
        case .resolved: samples.prefix(0)
        }
    }

    /// A marker that reads at a glance in every client.
    var symbol: String {
        switch kind {
        case .opened: "🔴"
        case .updated: "🟠"
        case .resolved: "✅"
        case .test: "🧪"
        }
    }

    /// "🔴 Outage suspected: Vodafone"
    public var title: String { "\(symbol) \(kindLabel): \(provider.name)" }

    /// Colour for platforms with a side bar, as `0xRRGGBB`.
    public var colour: Int {
        switch kind {
        case .opened: 0xD0_00_00
        case .updated: 0xE0_8A_00
        case .resolved: 0x2E_A0_43
        case .test: 0x6A_6A_F0
        }
    }

    /// "#D00000"
    public var colourHex: String {
        let hex = String(colour, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex
    }

    /// Whether the configured mention pings with this message: only when an incident opens.
    public var mentions: Bool { kind == .opened }

    /// The configured mention as this message leads with it, with a trailing space: as is when
    /// an incident opens (it pings); in a test, named through the platform's `escape` so the
    /// sink's owner sees which mention real alerts carry while nobody is pinged; else nothing.
    public func mentionLead(_ mention: String?, escape: (String) -> String) -> String {
        guard let mention, !mention.isEmpty else { return "" }
        switch kind {
        case .opened: return mention + " "
        case .test: return "(real alerts begin with " + escape(mention) + ") "
        case .updated, .resolved: return ""
        }
    }

    /// Author and time of a sample: "kabelkunde42 · 14:03 Europe/Berlin · mastodon-stoerung".
    public func byline(_ post: SamplePost, author: String) -> String {
        "\(author) · \(time(post.time)) · \(post.source)"
    }
}
