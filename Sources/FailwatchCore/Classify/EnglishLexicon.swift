// SPDX-License-Identifier: Apache-2.0

/// failwatch's own English valences for words of service complaints that VADER lacks or reads
/// otherwise ("unhelpful", "stranded", "overcharged"; "joke" is derision in a complaint, not fun).
/// Same scale as VADER (-4 ... +4); entries replace VADER's. Written for this project (Apache-2.0).
enum EnglishLexicon {
    static let data = """
        unhelpful -1.8
        unresponsive -1.8
        unreliable -1.8
        unusable -2.0
        insufficient -1.6
        inadequate -1.8
        inappropriate -1.8
        disrespectful -2.2
        inexcusable -2.5
        unprofessional -2.3
        incompetence -2.2
        negligence -2.2
        negligent -2.2
        stranded -2.0
        hostage -1.5
        lie -1.8
        lied -2.0
        lying -1.8
        lies -1.8
        overbooked -1.5
        oversold -1.5
        overcharged -2.0
        overcharging -2.0
        ripoff -2.4
        mishandled -1.8
        misplaced -1.2
        cramped -1.4
        filthy -2.2
        smelly -1.5
        trash -2.0
        garbage -2.0
        rubbish -1.8
        hassle -1.6
        nightmare -2.4
        meltdown -2.0
        shambles -2.4
        debacle -2.4
        outage -1.6
        outages -1.6
        glitch -1.2
        glitchy -1.4
        buggy -1.5
        laggy -1.4
        sluggish -1.3
        throttled -1.6
        throttling -1.5
        nowhere -0.8
        forever -0.6
        joke -1.2
        """
}
