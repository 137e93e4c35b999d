# SPDX-License-Identifier: Apache-2.0
"""The outage-real-dev GUIDELINE's trigger words ("hard"), transcribed as one keyword regex.

A complaint or other post that matches uses failure words in another sense: the false-positive
test. Shared by outage-eval.py (as the keyword peer) and outage-probe.py (to mark hard posts).
"""
import re

KEYWORD = re.compile(
    r"\b(down|outages?|not working|isn'?t working|doesn'?t work|won'?t (work|connect|load)|"
    r"no (signal|service|internet|network|data|connection|wifi|coverage|reception)|offline|dead|broke|broken|"
    r"crash\w*|fail\w*|cut (off|out)|drop(ped|ping|s)?|disconnect\w*|disruption|fault\w*|error\w*|"
    r"st[öo]rung|ausfall|ausgefallen|f[äa]llt aus|geht nicht|funktioniert nicht|kaputt|tot|"
    r"kein (netz|internet|empfang|wlan)|lahm)\b",
    re.I,
)
