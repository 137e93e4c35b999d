// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import Foundation
import Testing

/// The first statement an opening alert suggests: templates from feeds.yml or built in, the
/// incident's symptoms and places in the provider's languages, parts left out when empty.
@Suite struct HoldingStatementTests {
    static let status = URL(string: "https://status.liwest.at")

    func provider(languages: [String] = ["de"], own: [String: HoldingTemplate] = [:]) -> ProviderConfig {
        var provider = ProviderConfig(id: "liwest", name: "LIWEST", languages: languages)
        provider.holdingStatements = own
        return provider
    }

    @Test func builtInGermanNamesSymptomsPlacesAndStatusPage() {
        let statements = HoldingStatement.suggested(
            provider: provider(), defaults: [:], symptoms: [.internet, .tv, .calls], places: ["Linz", "Wels"],
            statusURL: Self.status)
        #expect(
            statements == [
                HoldingStatement(
                    language: "de",
                    text:
                        "Wir wissen von einer Störung bei Internet und TV in Linz und Wels und arbeiten mit Hochdruck an der Behebung."
                        + " Aktuelle Infos: https://status.liwest.at")
            ])
    }

    @Test func withoutSymptomPlaceOrStatusPageTheSentenceStillReads() {
        let statements = HoldingStatement.suggested(
            provider: provider(languages: ["de", "en"]), defaults: [:], symptoms: [.unknown], places: [], statusURL: nil
        )
        #expect(
            statements.map(\.text) == [
                "Wir wissen von einer Störung bei unseren Diensten und arbeiten mit Hochdruck an der Behebung.",
                "We are aware of a problem with our services and are working to fix it.",
            ])
    }

    @Test func providerTemplateWinsOverTheDefaultWhichWinsOverTheBuiltIn() throws {
        let own = try HoldingTemplate("{provider}: Störung bei {symptom}[ ({places})]. Wir melden uns.[ {status_url}]")
        let defaults = ["en": try HoldingTemplate("{provider} knows about {symptom} trouble[ in {places}].")]
        let statements = HoldingStatement.suggested(
            provider: provider(languages: ["de", "en", "fr"], own: ["de": own]), defaults: defaults,
            symptoms: [.mobileData, .sms], places: ["Graz", "Leoben", "Kapfenberg", "Bruck"], statusURL: nil)
        #expect(statements.map(\.language) == ["de", "en"])
        #expect(
            statements.map(\.text) == [
                "LIWEST: Störung bei mobilen Daten und SMS (Graz, Leoben und Kapfenberg). Wir melden uns.",
                "LIWEST knows about mobile data and text messages trouble in Graz, Leoben and Kapfenberg.",
            ])
    }

    @Test(arguments: [
        ("Störung bei {symtom}", "unknown blank '{symtom}'; hint: use {provider}, {symptom}, {places}, {status_url}"),
        (
            "Störung[ in {places}",
            "unbalanced '[' ']' or '{' '}'; hint: brackets mark a part left out when its blank is empty"
        ),
        (
            "Störung] bei {symptom}",
            "unbalanced '[' ']' or '{' '}'; hint: brackets mark a part left out when its blank is empty"
        ),
        (
            "Störung bei {symptom",
            "unbalanced '[' ']' or '{' '}'; hint: brackets mark a part left out when its blank is empty"
        ),
    ])
    func brokenTemplatesAreRefused(text: String, message: String) {
        #expect(throws: HoldingTemplate.Problem.self) { try HoldingTemplate(text) }
        do {
            _ = try HoldingTemplate(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func feedsYmlTemplatesAndStatusURLAreRead() throws {
        let config = try ConfigTestSupport.parse(
            """
            version: 1
            alerts:
              holding_statement:
                en: "We know about {symptom} problems[ in {places}]."
            providers:
              - name: LIWEST
                languages: [de]
                status_url: https://status.liwest.at
                holding_statement:
                  de: "Störung bei {symptom}[ in {places}]. Infos: {status_url}"
            sources:
              - name: demo
                url: https://example.org/feed.xml

            """)
        #expect(config.alerts.holdingStatements["en"]?.text == "We know about {symptom} problems[ in {places}].")
        #expect(config.providers.first?.statusURL == Self.status)
        #expect(
            config.providers.first?.holdingStatements["de"]?.render(["symptom": "Internet", "status_url": "x"])
                == "Störung bei Internet. Infos: x")
        let errors = ConfigTestSupport.errors(
            """
            version: 1
            providers:
              - name: LIWEST
                holding_statement:
                  de: "Störung bei {symtom}"
                  Deutsch: "x"
            sources:
              - name: demo
                url: https://example.org/feed.xml

            """)
        #expect(
            errors == [
                "feeds.yml:5:11: 'holding_statement.de' in provider 'LIWEST': unknown blank '{symtom}'; hint: use {provider}, {symptom}, {places}, {status_url}",
                "feeds.yml:6:7: 'Deutsch' in 'holding_statement' in provider 'LIWEST' is not a language code; hint: use codes such as de, en, fr",
            ])
    }
}
