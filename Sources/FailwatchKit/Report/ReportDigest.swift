// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// The Monday chat message that points at the report: one line per provider and where the file
/// is. Sent as each platform's plain text message (Teams: one Adaptive Card text block;
/// `webhook`: failwatch's own JSON, schema `failwatch.digest.v1`, signed like alerts), with the
/// platform's own escaping and mentions broken, and never a ping.
public enum ReportDigest {
    public static let schema = "failwatch.digest.v1"

    /// The digest lines, plain text.
    /// - Parameter link: where readers find the report (a URL or a file path); omitted when `nil`.
    public static func lines(_ report: WeeklyReport, link: String?) -> [String] {
        var lines = ["failwatch weekly report \(report.week.label) (\(ReportWording.span(report.week)))"]
        lines += ReportWording.notes(report)
        for provider in report.providers {
            let current = provider.current
            var line =
                "\(provider.name): \(ReportWording.count(current.mentions)) mentions (\(ReportWording.change(current.mentions, provider.previous?.mentions))), "
                + "\(ReportWording.count(current.complaints)) complaints (\(ReportWording.change(current.complaints, provider.previous?.complaints))), "
                + "net \(ReportWording.score(current.netScore))"
            let incidents = report.incidents.filter { $0.providerID == provider.id }
            if !incidents.isEmpty {
                let silent = incidents.filter { $0.officialWord == nil }.count
                line += ", \(incidents.count) incident\(incidents.count == 1 ? "" : "s")"
                if silent > 0 { line += " (\(silent) without official word)" }
            }
            lines.append(line)
        }
        if let link { lines.append("Report: \(link)") }
        return lines.map { AlertText.clean($0, limit: 400) }
    }

    /// The request that posts the digest to `sink`: only the providers the sink listens to
    /// (`providers:` of the sink), so a reseller's channel never sees another client's figures.
    /// - Parameters:
    ///   - link: where readers find the report; `nil` leaves the line out (a server's file path
    ///     means nothing in a chat and tells strangers how the server is laid out).
    ///   - now: signs `kind: webhook` requests.
    /// - Returns: `nil` for on-call sinks (PagerDuty, Alertmanager): a weekly digest pages nobody.
    public static func request(_ report: WeeklyReport, link: String?, sink: SinkConfig, now: Date) -> WebhookRequest? {
        let report = report.only(sink.providers)
        let lines = lines(report, link: link)
        guard let body = payload(report, lines: lines, link: link, kind: sink.kind)?.encoded() else { return nil }
        var headers = ["Content-Type": "application/json; charset=utf-8", "Idempotency-Key": "report-\(report.week.label)"]
        if sink.kind == .webhook {
            if let secret = sink.secret {
                headers.merge(WebhookSignature.headers(body: body, secret: secret, now: now)) { $1 }
            }
            headers["X-Failwatch-Event"] = "report"
        }
        return WebhookRequest(method: "POST", url: sink.url, headers: headers, body: body)
    }

    /// The JSON body for one platform.
    static func payload(_ report: WeeklyReport, lines: [String], link: String?, kind: SinkKind) -> JSONValue? {
        switch kind {
        case .pagerduty, .alertmanager:
            return nil
        case .slack:
            return ["text": .string(AlertText.truncate(lines.map(SlackPayload.mrkdwn).joined(separator: "\n"), limit: 3000))]
        case .mattermost:
            return ["text": .string(lines.map(MattermostPayload.markdown).joined(separator: "\n"))]
        case .discord:
            return [
                "content": .string(AlertText.truncate(lines.map(DiscordPayload.markdown).joined(separator: "\n"), limit: 2000)),
                "allowed_mentions": ["parse": []],
            ]
        case .googlechat:
            return ["text": .string(lines.map(AlertText.defuseMentions).joined(separator: "\n"))]
        case .teams:
            let blocks: [JSONValue] = lines.enumerated().map { index, line in
                [
                    "type": "TextBlock", "text": .string(TeamsPayload.escape(line)), "wrap": true,
                    "weight": index == 0 ? "Bolder" : "Default",
                ]
            }
            return [
                "type": "message",
                "attachments": [
                    [
                        "contentType": "application/vnd.microsoft.card.adaptive",
                        "content": [
                            "type": "AdaptiveCard", "version": "1.4",
                            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "body": .array(blocks),
                        ],
                    ]
                ],
            ]
        case .webhook:
            return [
                "schema": .string(schema),
                "event": "report",
                "week": .string(report.week.label),
                "text": .string(lines.joined(separator: "\n")),
                "link": .optional(link),
                "providers": .array(
                    report.providers.map { provider in
                        [
                            "id": .string(provider.id), "name": .string(provider.name),
                            "mentions": .int(provider.current.mentions), "complaints": .int(provider.current.complaints),
                            "incidents": .int(report.incidents.filter { $0.providerID == provider.id }.count),
                        ]
                    }),
            ]
        }
    }
}
