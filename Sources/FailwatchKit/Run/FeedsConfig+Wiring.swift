// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchStore

extension ProviderTerms {
    /// The classifier's view of a configured provider.
    public init(_ provider: ProviderConfig) {
        self.init(
            id: provider.id, name: provider.name, aliases: provider.aliases, handles: provider.handles,
            hashtags: provider.hashtags, domains: provider.domains, exclude: provider.exclude,
            outageTerms: provider.outageTerms, negativeTerms: provider.negativeTerms)
    }
}

extension FetchPolicy {
    /// The fetch limits a configuration asks for.
    public init(_ settings: FetchSettings) {
        self.init(
            timeout: settings.timeout, maxBodyBytes: settings.maxBodyBytes,
            maxDecompressedBytes: settings.maxDecompressedBytes, maxRedirects: settings.maxRedirects,
            userAgent: settings.userAgent ?? FetchPolicy.defaultUserAgent)
    }
}
