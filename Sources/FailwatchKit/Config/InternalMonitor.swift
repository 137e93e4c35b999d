// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// A provider's own monitoring (`internal:` under a provider in feeds.yml), asked only when
/// an alert is being built, so a chat message can say whether the provider's probes see the
/// outage too.
public struct InternalMonitor: Sendable, Equatable {
    /// What the URL answers.
    public enum Check: Sendable, Equatable {
        /// A Prometheus Alertmanager (`alertmanager: URL`): its active, unsilenced alerts are
        /// read from `/api/v2/alerts`, narrowed by these matchers (`filter:`, e.g. `team="noc"`).
        case alertmanager(filter: [String])
        /// Any health URL (`health: URL`): a 2xx answer is green.
        case health
    }

    public var check: Check
    /// As written, `${VAR}`s expanded; may hold secrets, log ``displayURL``.
    public var url: URL
    /// The URL with `${VAR}`s left unexpanded, safe for messages.
    public var displayURL: String
    /// Sent with the request (`headers:`), e.g. a bearer token from `${ENV}`; never logged.
    public var headers: [String: String]
    /// How long the check may take before it counts as unreachable (`timeout:`, default 5s).
    public var timeout: TimeInterval

    /// Default for `timeout:`: short, the alert waits for it.
    public static let defaultTimeout: TimeInterval = 5

    public init(
        check: Check, url: URL, displayURL: String? = nil, headers: [String: String] = [:],
        timeout: TimeInterval = InternalMonitor.defaultTimeout
    ) {
        self.check = check
        self.url = url
        self.displayURL = displayURL ?? url.absoluteString
        self.headers = headers
        self.timeout = timeout
    }

    /// The one GET the check makes: for an Alertmanager its base URL (or its
    /// `/api/v2/alerts`) with `active=true&silenced=false&inhibited=false` and one `filter=`
    /// per matcher; for a health URL the URL itself.
    public var request: FetchRequest {
        var headers = headers
        guard case let .alertmanager(filter) = check else { return FetchRequest(url: url, headers: headers) }
        headers["Accept"] = headers["Accept"] ?? "application/json"
        var endpoint = url
        if !url.path.hasSuffix("/api/v2/alerts") {
            endpoint = url.appendingPathComponent("api").appendingPathComponent("v2").appendingPathComponent("alerts")
        }
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: true) else {
            return FetchRequest(url: endpoint, headers: headers)
        }
        var query = components.queryItems ?? []
        query += [
            URLQueryItem(name: "active", value: "true"), URLQueryItem(name: "silenced", value: "false"),
            URLQueryItem(name: "inhibited", value: "false"),
        ]
        query += filter.map { URLQueryItem(name: "filter", value: $0) }
        components.queryItems = query
        // `+` is a space to many servers; matchers rarely hold one, but encode it to be exact.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return FetchRequest(url: components.url ?? endpoint, headers: headers)
    }
}
