// SPDX-License-Identifier: Apache-2.0

/// Every figure the report shows, each in one sentence: how it is counted and over which posts.
/// The HTML and Markdown reports print it, the JSON carries it under `glossary`, and
/// docs/report-schema.md repeats it word for word (a test keeps them the same).
public enum ReportGlossary {
    /// A figure's name as the report prints it, and what it means.
    public struct Entry: Sendable, Equatable {
        public var figure: String
        public var meaning: String
    }

    public static let entries: [Entry] = [
        Entry(
            figure: "Mentions",
            meaning: "Stored posts of the week that name the provider, by their publication time (else when failwatch fetched them); a post naming two providers counts for both."),
        Entry(
            figure: "Outage posts",
            meaning: "Mentions that failwatch labelled as saying the provider's service is down for the author now."),
        Entry(
            figure: "Complaints",
            meaning: "Outage posts plus the mentions labelled as other complaints (billing, support, speed)."),
        Entry(
            figure: "Positive / neutral / negative",
            meaning: "Each label's share of the provider's mentions, where negative counts outage posts, other complaints and other negative posts."),
        Entry(
            figure: "Net score",
            meaning: "Positive mentions minus negative ones (outage, complaint and other negative), per hundred mentions: +100 when every post is positive, −100 when every post is negative."),
        Entry(
            figure: "Mean sentiment",
            meaning: "The average sentiment score (−1 to 1) failwatch gave the provider's mentions of the week."),
        Entry(
            figure: "Share of voice",
            meaning: "The provider's mentions as a share of the mentions of all providers in the report."),
        Entry(
            figure: "Share of complaints",
            meaning: "The provider's complaints as a share of the complaints about all providers in the report."),
        Entry(
            figure: "Change",
            meaning: "The difference to the same figure of the week before, counted the same way; n/a when the store holds no data of that week."),
        Entry(
            figure: "Top complaint terms and phrases",
            meaning: "Words and two-word phrases of the week's complaints, each counted once per post, without stop words, filler words and the provider's own names; when there are more than 3,000 complaints every k-th is read."),
        Entry(
            figure: "Incidents",
            meaning: "Spikes of distinct people reporting an outage of the provider, as detection opened them, that overlap the week."),
        Entry(
            figure: "Peak complaints",
            meaning: "Outage complaints in the incident's busiest detection interval, beside what is usual for that hour of the week."),
        Entry(
            figure: "People",
            meaning: "Distinct authors of outage complaints over the whole incident."),
        Entry(
            figure: "Our alert after",
            meaning: "Time from the incident's first stored complaint to the first delivery of its alert that a chat sink accepted; not delivered when no sink took one."),
        Entry(
            figure: "Provider's first word",
            meaning: "Time from the incident's first stored complaint to the first official statement (a status page incident created or a post by an official source), counted from up to an hour before the first complaint; a status page merely updated is no word; the channel (X, Facebook, the status page…) is the official source's kind, and without a word the report says when and where the provider last spoke before the incident."),
        Entry(
            figure: "Hours without data",
            meaning: "Whole hours of the week, up to when the report was made, in which no post was stored and no source was read successfully."),
    ]
}
