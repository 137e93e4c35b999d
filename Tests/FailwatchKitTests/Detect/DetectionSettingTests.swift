// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// The settings table: every row is read by feeds.yml and the command line alike and lands in the
/// settings the detector and the tracker run with; the saved state says which version wrote it.
@Suite struct DetectionSettingTests {
    /// A value within the row's bounds that differs from the balanced default, as written in feeds.yml.
    static func example(_ setting: DetectionSetting) -> (yaml: String, flag: String, value: [Double]) {
        switch setting.kind {
        case .durations: return ("[10m, 2h]", "10m,2h", [600, 7_200])
        case .duration:
            let seconds = setting.key == "interval" ? 600 : max(setting.range.lowerBound, 7_200)
            let text = DurationText.format(seconds)
            return (text, text, [seconds])
        case .number:
            let value = (setting.range.lowerBound + min(setting.range.upperBound, 3)) / 2 + 0.01
            return (String(value), String(value), [value])
        }
    }

    @Test(arguments: DetectionSetting.all.map(\.key))
    func everyKeyOfFeedsYmlReachesTheSettingsAsTheCommandLineDoes(key: String) throws {
        let setting = try #require(DetectionSetting.named(key))
        let (yaml, flag, value) = Self.example(setting)
        let config = try ConfigTestSupport.parse(ConfigTestSupport.minimal + "detection:\n  \(key): \(yaml)\n")
        let fromFile = config.detection(for: "vodafone")
        let fromFlag = try setting.parse(flag).get()
        #expect(fromFlag == value)
        let expected = DetectionSetting.settings(.balanced, values: [key: value])
        #expect(fromFile.detectorSettings == expected.detector && fromFile.incidentSettings == expected.incidents)
        #expect(expected != DetectionSetting.settings(.balanced, values: [:]), "\(key) changes nothing")
    }

    @Test func aFlagIsTheKeyWithDashes() {
        #expect(DetectionSetting.named("false_alarm_every")?.flag == "--false-alarm-every")
        #expect(DetectionSetting.named("burst_return_period")?.key == "false_alarm_every")
    }

    @Test(arguments: [
        ("quiet", "30", "--quiet: expected a duration like 15m (units s, m, h, d, w), found '30'"),
        ("quiet", "10s", "--quiet: expected between 1m and 7d, found '10s'"),
        ("minimum_people", "many", "--minimum-people: expected a number, found 'many'"),
        ("burst_windows", "5m,x", "--burst-windows: expected durations like 5m,15m,1h, found '5m,x'"),
    ])
    func aWrongValueIsOneLineNamingTheFlag(key: String, text: String, message: String) throws {
        let setting = try #require(DetectionSetting.named(key))
        guard case .failure(let error) = setting.parse(text) else {
            Issue.record("accepted '\(text)'")
            return
        }
        #expect(error.description == message)
    }

    @Test func aRareBurstWeighsTheReleasePeriodOverTheDesignedFalseAlarmRate() throws {
        #expect(DetectorSettings.preset(.balanced).rareBurstWeight == 1.0 / 8)
        #expect(DetectorSettings.preset(.low).rareBurstWeight == 1.0 / 12)
        #expect(DetectorSettings.preset(.high).rareBurstWeight == 1.0 / 6)
        let days = try #require(DetectionSetting.named("false_alarm_every")).parse("2d").get()
        let settings = DetectionSetting.settings(.balanced, values: ["false_alarm_every": days]).detector
        #expect(settings.rareBurstWeight == 0.5)
    }

    @Test func withoutAnyValueTheQuietTimeIsHalfAnHourEverywhere() {
        #expect(IncidentSettings().quietTime == 1_800)
        #expect(DetectionConfig().incidentSettings.quietTime == 1_800)
    }

    static func savedState() throws -> [String: Any] {
        let checkpoint = DetectionCheckpoint(
            provider: "vodafone", settings: DetectorSettings(), incidentSettings: IncidentSettings(),
            start: Date(timeIntervalSince1970: 1_795_219_200))
        let data = try JSONEncoder().encode(checkpoint)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func read(_ state: [String: Any]) throws -> DetectionCheckpoint {
        try JSONDecoder().decode(DetectionCheckpoint.self, from: JSONSerialization.data(withJSONObject: state))
    }

    @Test func aStateSavedBeforeVersionsIsReadAsVersionOne() throws {
        var state = try Self.savedState()
        #expect(state["version"] as? Int == DetectionCheckpoint.currentVersion)
        state["version"] = nil
        let checkpoint = try Self.read(state)
        #expect(checkpoint.version == 1)
        #expect(checkpoint.unreadable == nil)
        #expect(checkpoint.matches(DetectorSettings(), IncidentSettings()))
    }

    @Test(arguments: [("version", "99"), ("detector", #"{"shape": "of another failwatch"}"#)])
    func aStateThisFailwatchCannotReadSaysSoAndStartsAfresh(field: String, json: String) throws {
        var state = try Self.savedState()
        state[field] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        let checkpoint = try Self.read(state)
        let reason = try #require(checkpoint.unreadable)
        #expect(reason.contains("is not one this failwatch reads (version \(DetectionCheckpoint.currentVersion))"))
        #expect(!checkpoint.matches(DetectorSettings(), IncidentSettings()))
    }
}
