// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// The report as JSON, schema `failwatch.report/1` (docs/report-schema.md): every figure the
/// other formats show, with times as ISO 8601 in the report's zone. Post texts are raw (control
/// and direction-override characters removed, cut to 600 characters): escape them before display.
enum ReportJSON {
    static let schema = "failwatch.report/1"

    static func render(_ report: WeeklyReport) -> String {
        String(decoding: value(report).encoded(pretty: true), as: UTF8.self) + "\n"
    }

    static func value(_ report: WeeklyReport) -> JSONValue {
        let zone = report.week.timeZone
        let week = report.week
        return [
            "schema": .string(schema),
            "week": [
                "label": .string(week.label),
                "start": .string(ReportWording.iso(week.start, zone)),
                "end": .string(ReportWording.iso(week.end, zone)),
                "time_zone": .string(zone.identifier),
                "days": .array(week.dayDates.map { .string($0) }),
                "hours": .int(Int(week.end.timeIntervalSince(week.start) / 3600)),
            ],
            "generated_at": .string(ReportWording.iso(report.generatedAt, zone)),
            "coverage_start": .optional(report.coverageStart.map { ReportWording.iso($0, zone) }),
            "notes": .array(ReportWording.notes(report).map { .string($0) }),
            "providers": .array(report.providers.map { provider($0, week: week) }),
            "incidents": .array(report.incidents.map { incident($0, zone: zone) }),
            "coverage": coverage(report.coverage, zone: zone),
            "glossary": .array(ReportGlossary.entries.map { ["figure": .string($0.figure), "meaning": .string($0.meaning)] }),
        ]
    }

    private static func coverage(_ coverage: ReportCoverage, zone: TimeZone) -> JSONValue {
        [
            "previous_start": .optional(coverage.previousStart.map { ReportWording.iso($0, zone) }),
            "hours_without_data": .int(coverage.hoursWithoutData),
            "gaps": .array(
                coverage.gaps.map { ["start": .string(ReportWording.iso($0.start, zone)), "end": .string(ReportWording.iso($0.end, zone))] }),
            "sources": .array(
                coverage.sources.map { source in
                    [
                        "name": .string(AlertText.clean(source.name, limit: 300)),
                        "first_post": .optional(source.firstPost.map { ReportWording.iso($0, zone) }),
                        "last_post": .optional(source.lastPost.map { ReportWording.iso($0, zone) }),
                        "posts_in_week": .int(source.postsInWeek),
                        "reads": .int(source.reads),
                        "failed_reads": .int(source.failedReads),
                        "last_failure": .optional(source.lastFailure.map { AlertText.clean($0, limit: 300) }),
                    ]
                }),
        ]
    }

    private static func provider(_ provider: ProviderWeek, week: ReportWeek) -> JSONValue {
        let dates = week.dayDates
        return [
            "id": .string(provider.id),
            "name": .string(provider.name),
            "current": figures(provider.current),
            "previous": provider.previous.map(figures) ?? .null,
            "share_of_voice": number(provider.shareOfVoice),
            "previous_share_of_voice": number(provider.previousShareOfVoice),
            "share_of_complaints": number(provider.shareOfComplaints),
            "previous_share_of_complaints": number(provider.previousShareOfComplaints),
            "days": .array(
                provider.days.enumerated().map { day, figures in
                    guard case .object(var object) = self.figures(figures) else { return .null }
                    object["date"] = .string(dates[day])
                    return .object(object)
                }),
            "hours": .array(provider.hours.map { .array($0.map { .int($0) }) }),
            "terms": counts(provider.terms.terms, key: "term"),
            "phrases": counts(provider.terms.phrases, key: "phrase"),
            "terms_sampled": .int(provider.terms.sampled),
            "complaints_total": .int(provider.terms.total),
            "sources": counts(provider.sources, key: "name"),
            "networks": counts(provider.networks, key: "name"),
            "languages": counts(provider.languages, key: "code"),
            "typical_complaints": .array(provider.terms.typical.map { post($0, zone: week.timeZone) }),
            "most_positive": .array(provider.mostPositive.map { post($0, zone: week.timeZone) }),
        ]
    }

    private static func figures(_ figures: WeekFigures) -> JSONValue {
        [
            "mentions": .int(figures.mentions),
            "outage": .int(figures.outages),
            "complaint": .int(figures.counts[.complaint] ?? 0),
            "negative": .int(figures.counts[.negative] ?? 0),
            "neutral": .int(figures.neutral),
            "positive": .int(figures.positive),
            "complaints": .int(figures.complaints),
            "net_score": number(figures.netScore),
            "positive_share": number(figures.positiveShare),
            "neutral_share": number(figures.neutralShare),
            "negative_share": number(figures.negativeShare),
            "mean_sentiment": number(figures.meanSentiment),
        ]
    }

    private static func incident(_ incident: IncidentSummary, zone: TimeZone) -> JSONValue {
        var value = fields(incident, zone: zone)
        if let joined = incident.joinedAlert {
            // Only on a joined incident: reports of incidents alerted on their own keep their shape.
            value["joined_alert"] = [
                "incident_id": .string(joined.incidentID), "provider": .string(joined.provider),
                "text": .optional(ReportWording.joined(incident)),
            ]
        }
        return .object(value)
    }

    private static func fields(_ incident: IncidentSummary, zone: TimeZone) -> [String: JSONValue] {
        [
            "id": .string(incident.id),
            "provider_id": .string(incident.providerID),
            "first_complaint": .string(ReportWording.iso(incident.start, zone)),
            "detected": .string(ReportWording.iso(incident.detectedAt, zone)),
            "alerted": .optional(incident.alertedAt.map { ReportWording.iso($0, zone) }),
            "peak": .optional(incident.peakAt.map { ReportWording.iso($0, zone) }),
            "end": .optional(incident.end.map { ReportWording.iso($0, zone) }),
            "duration_seconds": incident.duration.map { .int(Int($0)) } ?? .null,
            "peak_complaints": number(incident.peakComplaints),
            "baseline": number(incident.baseline),
            "authors": .int(incident.authors),
            "seconds_to_alert": incident.timeToAlert.map { .int(Int($0)) } ?? .null,
            "seconds_to_official_word": incident.timeToOfficialWord.map { .int(Int($0)) } ?? .null,
            "official_word": incident.officialWord.map { word -> JSONValue in
                [
                    "kind": .string(word.kind),
                    "source": .string(word.sourceName),
                    "channel": .optional(word.channel),
                    "title": .string(AlertText.clean(word.title, limit: 300)),
                    "url": .optional(word.url.flatMap(ReportPost.safeLink)),
                    "at": .string(ReportWording.iso(word.createdAt, zone)),
                ]
            } ?? .null,
            "last_word_before": incident.lastWordBefore.map { word -> JSONValue in
                [
                    "kind": .string(word.kind),
                    "source": .string(word.sourceName),
                    "channel": .optional(word.channel),
                    "title": .string(AlertText.clean(word.title, limit: 300)),
                    "at": .string(ReportWording.iso(word.createdAt, zone)),
                ]
            } ?? .null,
            "silent": .bool(incident.silent),
            "common_cause": .optional(incident.commonCause.map { AlertText.clean($0, limit: 300) }),
            "held_by": .optional(incident.heldBy.map { AlertText.clean($0, limit: 300) }),
        ]
    }

    private static func post(_ post: ReportPost, zone: TimeZone) -> JSONValue {
        [
            "id": .int(Int(post.id)),
            "text": .string(post.text),
            "author": .optional(post.author),
            "link": .optional(post.link),
            "time": .string(ReportWording.iso(post.time, zone)),
            "source": .string(post.sourceName),
            "label": .string(post.label.rawValue),
            "sentiment": number(post.sentiment),
        ]
    }

    private static func counts(_ items: [TermCount], key: String) -> JSONValue {
        .array(items.map { [key: .string($0.term), "count": .int($0.count)] })
    }

    /// Four decimals at most, so files do not change with float printing; `null` when absent.
    private static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .double((value * 10_000).rounded() / 10_000)
    }
}
