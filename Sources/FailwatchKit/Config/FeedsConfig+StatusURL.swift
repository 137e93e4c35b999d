// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

extension FeedsConfig {
    /// Where the provider's customers read updates, for `{status_url}`: its `status_url:`, else
    /// the page of a status page source watched for it (not its JSON or feed address); `nil` when
    /// neither is known.
    public func statusURL(for provider: ProviderConfig) -> URL? {
        if let url = provider.statusURL { return url }
        let documents = ["json", "rss", "atom", "xml"]
        return sources.first { source in
            source.kind == .statuspage && source.providers.includes(provider.id)
                && !documents.contains(source.url.pathExtension.lowercased())
                && ["http", "https"].contains(source.url.scheme?.lowercased() ?? "")
        }?.url
    }
}
