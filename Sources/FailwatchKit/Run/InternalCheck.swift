// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import Foundation

/// Asks a provider's own monitoring (`internal:`) for its state in one phrase, within a
/// short timeout, so building an alert never waits long on it.
struct InternalCheck: Sendable {
    var monitor: InternalMonitor
    var fetcher: any HTTPFetching

    /// "no active alerts", "2 active alerts: BNGDown, HighLatency", "health check ok",
    /// "health check failed: http 503", "unreachable (connection refused)".
    func phrase() async -> String {
        let request = monitor.request
        let timeout = monitor.timeout
        let fetcher = fetcher
        let result = await withTaskGroup(of: FetchResult?.self) { group in
            group.addTask { await fetcher.fetch(request) }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeout))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        return Self.phrase(for: result, check: monitor.check, timeout: timeout)
    }

    /// The phrase for what the monitor answered; `nil` when it did not answer in time.
    static func phrase(for result: FetchResult?, check: InternalMonitor.Check, timeout: TimeInterval) -> String {
        let what = check == .health ? "health check" : "alertmanager"
        switch result {
        case nil:
            return "unreachable (no answer within \(DurationText.format(timeout)))"
        case .notModified:
            return check == .health ? AlertMessage.OfficialState.healthCheckOK : "\(what) failed: http 304"
        case let .retryLater(status, _), let .failed(.http(status)):
            return "\(what) failed: http \(status)"
        case let .failed(error):
            return "unreachable (\(error))"
        case let .fetched(body):
            guard case .alertmanager = check else { return AlertMessage.OfficialState.healthCheckOK }
            return alertsPhrase(body.data)
        }
    }

    /// Counts the active alerts of an Alertmanager answer and names the first few.
    static func alertsPhrase(_ data: Data) -> String {
        guard let alerts = try? JSONDecoder().decode(LenientList<AlertmanagerAlert>.self, from: data).elements else {
            return "alertmanager failed: unreadable answer"
        }
        let active = alerts.filter(\.isActive)
        guard !active.isEmpty else { return AlertMessage.OfficialState.noActiveAlerts }
        var names: [String] = []
        for alert in active where !names.contains(alert.name) { names.append(alert.name) }
        let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", +\(names.count - 3) more" : "")
        return "\(active.count) active alert\(active.count == 1 ? "" : "s"): \(shown)"
    }
}
