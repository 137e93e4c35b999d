// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// A source's `announce:` (Mastodon: `{token:}`; Bluesky: `{handle:, app_password:, pds:}`).
/// A secret whose variable is not set leaves announcing out with the reason, whatever the
/// command: only `failwatch announce` needs it, and says so.
extension ConfigReader {
    mutating func readAnnounce(_ fields: Fields, kind: SourceKind?) -> (config: AnnounceConfig?, unset: String?) {
        guard let node = fields["announce"] else { return (nil, nil) }
        guard
            let announce = self.fields(
                of: node, allowed: AnnounceConfig.keys, context: "in 'announce' \(fields.context)",
                expected: "a mapping like {token: \"${MASTODON_TOKEN}\"}")
        else { return (nil, nil) }
        let unsetBefore = unsetSecrets.count
        deferring = true
        alwaysDefer = true
        let token = text(announce, "token")
        let handle = text(announce, "handle")
        let password = text(announce, "app_password")
        let pds = text(announce, "pds")
        deferring = false
        alwaysDefer = false
        let unset = unsetSecrets.count > unsetBefore ? unsetSecrets.last : nil
        switch kind {
        case .mastodon?:
            if announce["token"] == nil {
                reportMissing(
                    "token", in: announce,
                    hint: "an access token with write:statuses, e.g. token: ${LIWEST_MASTODON_TOKEN}")
            }
            return (token.map { .mastodon(token: $0.value) }, unset)
        case .bluesky?:
            for key in ["handle", "app_password"] where announce[key] == nil {
                reportMissing(
                    key, in: announce,
                    hint: "announce: {handle: liwest.bsky.social, app_password: \"${LIWEST_BLUESKY_APP_PASSWORD}\"}")
            }
            var host = AnnounceConfig.defaultPDS
            if let pds {
                guard let url = URL(string: pds.value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                    url.host?.isEmpty == false
                else {
                    report(
                        "invalid url '\(pds.raw)' for 'pds' \(announce.context); hint: e.g. https://bsky.social",
                        at: pds.mark)
                    return (nil, unset)
                }
                host = url
            }
            guard let handle, let password else { return (nil, unset) }
            let name = handle.value.hasPrefix("@") ? String(handle.value.dropFirst()) : handle.value
            return (.bluesky(handle: name, appPassword: password.value, pds: host), unset)
        default:
            report(
                "'announce' \(fields.context) posts through a mastodon or bluesky account, not kind"
                    + " '\(kind?.rawValue ?? "feed")'; hint: put it on the provider's own mastodon or bluesky source",
                at: fields.entries["announce"]?.key.mark)
            return (nil, nil)
        }
    }
}
