// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The public JSON of an Atlassian Statuspage: `/api/v2/summary.json` (page status,
/// components, unresolved incidents, upcoming and active maintenances) and
/// `/api/v2/incidents.json` (the 50 most recent incidents, resolved ones included) and
/// `/api/v2/incidents/<id>.json` (one incident, under `incident`).
/// Only the fields failwatch reads; unknown fields are ignored, optional ones may be missing.
///
/// Specs: https://metastatuspage.com/api (every Statuspage serves the same `/api` page).
struct StatusPageJSON: Decodable {
    struct Page: Decodable {
        var id: String?
        var name: String?
        var url: String?
        var updatedAt: String?
    }

    /// `status` of summary.json and status.json: the page's overall indicator.
    struct Status: Decodable {
        /// `none`, `minor`, `major`, `critical` (also `maintenance`).
        var indicator: String?
        /// "All Systems Operational", "Partial System Outage", …
        var description: String?
    }

    struct Component: Decodable {
        var id: String?
        var name: String?
        /// `operational`, `degraded_performance`, `partial_outage`, `major_outage`, `under_maintenance`.
        var status: String?
        /// Groups only gather other components; their status repeats their members'.
        var group: Bool?
    }

    struct Update: Decodable {
        var status: String?
        var body: String?
        var createdAt: String?
    }

    /// An incident or a scheduled maintenance (same shape, maintenances add `scheduled_for`).
    struct Incident: Decodable {
        var id: String
        var name: String?
        var status: String?
        var impact: String?
        var shortlink: String?
        var createdAt: String?
        var updatedAt: String?
        var startedAt: String?
        var resolvedAt: String?
        var incidentUpdates: [Update]?
        var components: [Component]?
    }

    var page: Page?
    var status: Status?
    var components: [Component]?
    /// An incident with every field null is skipped, not the document.
    var incidents: LenientList<Incident>?
    /// The single-incident document's one incident.
    var incident: Incident?
    var scheduledMaintenances: LenientList<Incident>?
}
