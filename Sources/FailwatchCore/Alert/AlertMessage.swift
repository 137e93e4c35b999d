// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Everything one chat alert says, as plain values, so each platform's renderer is a pure
/// function of it and the outbox can store it (it is `Codable`) and send it again after a crash.
///
/// Post texts, authors and status-page texts are untrusted: renderers escape them per platform.
public struct AlertMessage: Codable, Sendable, Equatable {
    /// Where in an incident's life this message is.
    public enum Kind: String, Codable, Sendable, Equatable, CaseIterable {
        /// First message of an incident: complaints rose well above the usual.
        case opened
        /// The incident grew or changed; refers to the first message.
        case updated
        /// Complaints are back to the usual.
        case resolved
        /// Sent by `failwatch test-alert`; not about a real incident.
        case test
    }

    /// The provider the incident is about.
    public struct Provider: Codable, Sendable, Equatable {
        /// Stable id from feeds.yml (`vodafone`).
        public var id: String
        /// Display name (`Vodafone`).
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// One complaint quoted as evidence; every field comes from the internet.
    public struct SamplePost: Codable, Sendable, Equatable {
        public var text: String
        public var author: String
        public var link: URL?
        public var time: Date
        /// The source name from feeds.yml (`mastodon-stoerung`).
        public var source: String

        public init(text: String, author: String, link: URL?, time: Date, source: String) {
            self.text = text
            self.author = author
            self.link = link
            self.time = time
            self.source = source
        }
    }

    /// What the provider and our own monitoring say, to tell a silent outage from a known one.
    public struct OfficialState: Codable, Sendable, Equatable {
        /// The status page's current text: "all operational", or an incident name; `nil` when
        /// no status page is watched for this provider.
        public var statusPage: String?
        /// When the provider last posted on an official channel (status page, account).
        public var lastOfficialPost: Date?
        /// Internal monitoring's state in one phrase ("all probes green", "2 of 40 probes failing");
        /// `nil` when none is wired.
        public var monitoring: String?

        /// Where that post was made ("X", "Facebook", "Mastodon"); `nil` when unknown.
        public var lastOfficialChannel: String?
        /// What it said, clipped; the provider's text, escaped by each renderer like any other.
        public var lastOfficialText: String?

        public init(
            statusPage: String? = nil, lastOfficialPost: Date? = nil, monitoring: String? = nil,
            lastOfficialChannel: String? = nil, lastOfficialText: String? = nil
        ) {
            self.statusPage = statusPage
            self.lastOfficialPost = lastOfficialPost
            self.monitoring = monitoring
            self.lastOfficialChannel = lastOfficialChannel
            self.lastOfficialText = lastOfficialText
        }
    }

    /// A provider whose spike joined this event (feeds.yml `alerts: common_cause: combined`): it
    /// gets no alert of its own, so the event's thread says who joined and how many people report.
    public struct Joined: Codable, Sendable, Equatable {
        public var provider: Provider
        /// Its own incident in the store (recorded "in the alert of" this message's incident).
        public var incidentID: String
        /// Complaints and distinct people since its burst began, over ``interval``.
        public var complaints: Int
        public var authors: Int
        public var interval: TimeInterval
        /// The usual number of people in such a span at this hour of the week.
        public var usual: Double

        public init(
            provider: Provider, incidentID: String, complaints: Int, authors: Int, interval: TimeInterval, usual: Double
        ) {
            self.provider = provider
            self.incidentID = incidentID
            self.complaints = complaints
            self.authors = authors
            self.interval = interval
            self.usual = usual
        }
    }

    public var kind: Kind
    public var provider: Provider
    /// Incident id in the store; with ``updateNumber`` it makes the ``idempotencyKey``.
    public var incidentID: String
    /// 0 for the opening message, then 1, 2, … for each update; the resolution takes the next number.
    public var updateNumber: Int
    /// Complaints counted: since the burst began in an opening message, over the last hour in an update.
    public var complaints: Int
    /// Distinct people behind them (reposts and copy-paste campaigns count once).
    public var authors: Int
    /// The span they were counted over, in seconds (600 for "in 10 min").
    public var interval: TimeInterval
    /// The usual number of people in such a span at this hour of the week.
    public var usual: Double
    /// The first complaint of the incident.
    public var firstComplaint: Date
    /// Source names that contributed complaints, most first.
    public var sources: [String]
    /// 3–5 complaints quoted as evidence, newest first.
    public var samples: [SamplePost]
    public var official: OfficialState
    /// All official signals are green while customers complain: the outage nobody announced.
    public var silentOutage: Bool
    /// How many watched providers have an open incident at the same time (including this
    /// one); 2 or more hints at a shared upstream (a carrier, a DNS or CDN provider).
    public var providersAtOnce: Int
    /// Other providers spiking in the same quarter hour and what their posts name, e.g. "WhatsApp named
    /// in 60% of posts; Kabelfix and Talnetz spike too"; `nil` when this provider spikes alone.
    public var commonCause: String?
    /// The most reported symptoms, e.g. "most reported: SMS 70%, calls 20%"; `nil` when none is known.
    public var symptoms: String?
    /// Where reports come from, among the provider's `places:`, e.g. "reports from: Graz 4, Linz 2".
    public var places: String?
    /// Suggested first statements for the provider, one per language; only when an incident
    /// opens (and in a test). `nil` in messages stored before statements existed.
    public var holdingStatements: [HoldingStatement]?
    /// Where to read more (a report page, a dashboard); `nil` when none is configured.
    public var moreLink: URL?
    /// When the message was made; shown in footers.
    public var createdAt: Date
    /// IANA zone for the times shown in the message (feeds.yml `timezone:`).
    public var timeZoneID: String
    /// Providers that joined the event since the previous message; `nil` when none did (and in
    /// messages stored before `common_cause: combined` threaded them).
    public var joined: [Joined]?
    /// Set by delivery, never stored: this update or resolution is the first message of its
    /// incident the sink takes, because the opening was given up; the message says so.
    public var openingLost = false

    /// Every stored field; ``openingLost`` is decided anew at each delivery.
    private enum CodingKeys: String, CodingKey {
        case kind, provider, incidentID, updateNumber, complaints, authors, interval, usual, firstComplaint, sources
        case samples, official, silentOutage, providersAtOnce, commonCause, symptoms, places, moreLink, createdAt
        case timeZoneID, holdingStatements, joined
    }

    public init(
        kind: Kind, provider: Provider, incidentID: String, updateNumber: Int = 0, complaints: Int, authors: Int,
        interval: TimeInterval, usual: Double, firstComplaint: Date, sources: [String], samples: [SamplePost],
        official: OfficialState = OfficialState(), silentOutage: Bool = false, providersAtOnce: Int = 1,
        commonCause: String? = nil, symptoms: String? = nil, places: String? = nil,
        holdingStatements: [HoldingStatement]? = nil, moreLink: URL? = nil, createdAt: Date, timeZoneID: String = "UTC"
    ) {
        self.kind = kind
        self.provider = provider
        self.incidentID = incidentID
        self.updateNumber = updateNumber
        self.complaints = complaints
        self.authors = authors
        self.interval = interval
        self.usual = usual
        self.firstComplaint = firstComplaint
        self.sources = sources
        self.samples = samples
        self.official = official
        self.silentOutage = silentOutage
        self.providersAtOnce = providersAtOnce
        self.commonCause = commonCause
        self.symptoms = symptoms
        self.places = places
        self.holdingStatements = holdingStatements
        self.moreLink = moreLink
        self.createdAt = createdAt
        self.timeZoneID = timeZoneID
    }

    /// Sent as `Idempotency-Key` and kept in the outbox, so a retried delivery is recognisable
    /// as the same message: `<incident id>-<update number>`.
    public var idempotencyKey: String { "\(incidentID)-\(updateNumber)" }

    /// Most samples any message carries; chat readers skim, the link has the rest.
    public static let maximumSamples = 5
}
