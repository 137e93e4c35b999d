// SPDX-License-Identifier: Apache-2.0

/// Which providers a source's posts may be attributed to, so a provider's own status feed
/// cannot raise complaints against a competitor that its posts happen to name.
public enum ProviderScope: Sendable, Equatable {
    /// Every configured provider (`providers: any`, the default).
    case any
    /// Only these provider ids (`providers: [vodafone, telekom]`); validated to exist.
    case only([String])

    /// Whether posts of this source may be attributed to the provider `id`.
    public func includes(_ id: String) -> Bool {
        switch self {
        case .any: true
        case .only(let ids): ids.contains(id)
        }
    }
}
