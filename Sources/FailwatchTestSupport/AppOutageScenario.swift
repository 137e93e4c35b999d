// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One app outage that makes two of three watched ISPs spike ten minutes apart, as forum posts: the
/// world of the common-cause tests, polled through a feed (`poll`) or stored directly (PostgreSQL).
public enum AppOutageScenario {
    /// One forum post about one provider.
    public struct Item: Sendable {
        public var guid: String
        public var author: String
        public var text: String
        public var published: Date
        /// The provider's display name; its id is the name lower-cased.
        public var provider: String
    }

    /// 2026-11-21T00:00:00Z.
    public static let day = Date(timeIntervalSince1970: 1_795_219_200)

    /// Two quiet days of one complaint an hour for Kabelfix, Talnetz and Quietnet; then from 14:00
    /// twelve Kabelfix customers in ten minutes and from 14:10 twelve Talnetz customers, about half
    /// of them naming the app.
    public static let items: [Item] = {
        var items: [Item] = []
        for (index, provider) in ["Kabelfix", "Talnetz", "Quietnet"].enumerated() {
            for hour in -48..<14 {
                items.append(
                    Item(
                        guid: "\(provider)-quiet\(hour)", author: "\(provider)-regular\(hour + 48)",
                        text: "\(provider) Störung? Kein Internet seit einer Stunde",
                        published: day.addingTimeInterval(Double(hour) * 3_600 + 600 + Double(index) * 900),
                        provider: provider))
            }
        }
        for (provider, start) in [("Kabelfix", 14 * 3_600.0), ("Talnetz", 14 * 3_600.0 + 600)] {
            for person in 0..<12 {
                let text =
                    person % 2 == 0
                    ? "\(provider) Störung? WhatsApp geht seit einer Weile nicht, Nachrichten bleiben hängen"
                    : "\(provider) down? WhatsApp messages stuck, nothing sends (\(person))"
                items.append(
                    Item(
                        guid: "\(provider)-burst\(person)", author: "\(provider.lowercased())-kunde\(person)",
                        text: text, published: day.addingTimeInterval(start + Double(person) * 45), provider: provider))
            }
        }
        return items
    }()
}
