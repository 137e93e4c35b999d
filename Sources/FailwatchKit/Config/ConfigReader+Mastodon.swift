// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// `kind: mastodon`: `tag:` (with `any_tags:` and `local:`) or `account:` (with `account_id:`).
extension ConfigReader {
    mutating func readMastodon(_ fields: Fields) -> MastodonQuery? {
        let tag = text(fields, "tag")
        let account = text(fields, "account")
        switch (fields["tag"], fields["account"]) {
        case (nil, nil):
            reportMissing(
                "tag", in: fields,
                hint: "a mastodon source reads a hashtag (tag: glasfaser) or an account (account: name@instance)")
            return nil
        case (.some, .some):
            report(
                "'tag' and 'account' \(fields.context) exclude each other; hint: make two sources",
                at: fields.entries["account"]?.key.mark)
            return nil
        case (.some, nil):
            if let misplaced = fields.entries["account_id"] {
                report("'account_id' \(fields.context) needs 'account:', not 'tag:'", at: misplaced.key.mark)
                return nil
            }
            let anyTags = textList(fields, "any_tags").compactMap { hashtag($0, key: "any_tags", fields) }
            let localOnly = flag(fields, "local")
            guard let tag, let name = hashtag(tag, key: "tag", fields), let localOnly else { return nil }
            return .tag(name, anyTags: anyTags, localOnly: localOnly)
        case (nil, .some):
            for key in ["any_tags", "local"] {
                if let misplaced = fields.entries[key] {
                    report("'\(key)' \(fields.context) needs 'tag:', not 'account:'", at: misplaced.key.mark)
                    return nil
                }
            }
            let id = text(fields, "account_id")
            guard let account else { return nil }
            let acct = account.value.hasPrefix("@") ? String(account.value.dropFirst()) : account.value
            if acct.isEmpty || acct.contains(where: { $0 == " " || $0 == "/" }) {
                report(
                    "invalid account '\(account.raw)' \(fields.context); hint: write name or name@instance",
                    at: account.mark)
                return nil
            }
            if let id, !id.value.allSatisfy(\.isASCII) || !id.value.allSatisfy(\.isNumber) {
                report(
                    "'account_id' \(fields.context) must be the numeric id, found '\(id.raw)'", at: id.mark)
                return nil
            }
            return .account(acct, id: id?.value)
        }
    }

    /// A hashtag without its `#`: letters, digits and `_` only, as Mastodon allows.
    private mutating func hashtag(_ scalar: Scalar, key: String, _ fields: Fields) -> String? {
        let name = scalar.value.hasPrefix("#") ? String(scalar.value.dropFirst()) : scalar.value
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            report(
                "invalid hashtag '\(scalar.raw)' for '\(key)' \(fields.context); hint: letters, digits and _ only",
                at: scalar.mark)
            return nil
        }
        return name
    }

    /// `true`/`false` (also yes/no, on/off); absent is `false`, anything else is reported.
    mutating func flag(_ fields: Fields, _ key: String) -> Bool? {
        guard let scalar = scalar(fields, key, expected: "true or false") else { return fields[key] == nil ? false : nil }
        switch scalar.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report("expected true or false for '\(key)' \(fields.context), found '\(scalar.raw)'", at: scalar.mark)
            return nil
        }
    }
}
