"""The rule workspace in a real browser (headless Chromium through Selenium), as the governance
office uses it (SPEC §14 role 规则, issue 24): it loads version 2026.1 into a draft, changes a
weight, saves it with a misspelt column (the problem is shown beside its line, at its column),
fixes it (one of its tests now fails: shown beside the test's line, and adoption is refused),
corrects the test, compares the draft on 2026-10 and adopts it from 2026-11. A screenshot of
each step goes to the folder given (1366x768, the office PCs' screen).

Usage: python3 rule_workspace.py PORT PASSWORD SCREENSHOT_FOLDER
Prints one line per step and 'N passed, 0 failed' at the end; exits 1 at the first failure.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PORT, PASSWORD, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
BASE = f"http://127.0.0.1:{PORT}"
steps = 0


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1366,768", "--lang=zh-CN"]:
        options.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def step(name, driver, element=None):
    """A screenshot with `element` (else the page's top) in view."""
    global steps
    steps += 1
    if element is None:
        driver.execute_script("window.scrollTo(0, 0)")
    else:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    driver.save_screenshot(os.path.join(SHOTS, f"{steps:02d}-{name}.png"))
    print(f"step {steps}: {name}: passed", flush=True)


def wait(driver, condition, seconds=120):
    return WebDriverWait(driver, seconds).until(condition)


def set_draft(driver, text):
    area = driver.find_element(By.ID, "draft-text")
    driver.execute_script("arguments[0].value = arguments[1]", area, text)


def save(driver):
    """Saves the draft and waits for the new check's verdict."""
    driver.execute_script("document.getElementById('draft-tests').textContent = ''")
    driver.find_element(By.ID, "draft-save").click()
    wait(driver, lambda d: d.find_element(By.ID, "draft-tests").text.strip() != "")
    return driver.find_element(By.ID, "draft-tests").text


def line_of(text, needle):
    return next(i + 1 for i, l in enumerate(text.split("\n")) if needle in l)


def annotated(driver, line):
    """The problems shown beside line `line` of the checked draft."""
    rows = driver.find_elements(By.CSS_SELECTOR, f"#draft-view tr[data-line='{line}']")
    assert rows, f"line {line} is not shown beside its problems"
    return rows[0]


def main():
    driver = browser()
    try:
        driver.get(BASE + "/")
        wait(driver, EC.presence_of_element_located((By.ID, "login-form")))
        driver.find_element(By.ID, "login-name").send_keys("gov")
        driver.find_element(By.ID, "login-password").send_keys(PASSWORD)
        driver.find_element(By.ID, "login-submit").click()
        wait(driver, EC.presence_of_element_located((By.ID, "logout")))
        driver.find_element(By.LINK_TEXT, "清河镇").click()
        wait(driver, EC.presence_of_element_located((By.ID, "rules-link"))).click()
        wait(driver, EC.presence_of_element_located((By.ID, "versions")))
        assert "2026.1" in driver.find_element(By.ID, "versions").text
        driver.find_element(By.ID, "draft-load").click()
        wait(driver, lambda d: "[rules]" in d.find_element(By.ID, "draft-text").get_property("value"))
        shipped = driver.find_element(By.ID, "draft-text").get_property("value")
        step("workspace", driver)

        # A missed 镇 check costs 6 points in version 2026.2; first saved with a misspelt column.
        driver.find_element(By.ID, "draft-name").clear()
        driver.find_element(By.ID, "draft-name").send_keys("加分调整")
        draft = shipped.replace('version = "2026.1"', 'version = "2026.2"') \
            .replace("  points = '-5'\n  yuan = '30'", "  points = '-6'\n  yuan = '30'")
        assert draft != shipped
        misspelt = draft.replace('抽查层级 == "镇" and 是否接听', '抽查层级 == "镇" and 是否接通')
        bad = line_of(misspelt, "是否接通")
        column = misspelt.split("\n")[bad - 1].index("是否接通") + 1
        set_draft(driver, misspelt)
        verdict = save(driver)
        row = annotated(driver, bad)
        assert "是否接通" in row.text and "错误" in row.text, row.text
        assert f"第{bad}行第{column}列" in row.text, row.text
        marked = row.find_element(By.CSS_SELECTOR, "mark").text
        assert marked == "是", marked  # the column's character, marked in the line
        assert "错误 1 个" in verdict, verdict
        step("error-beside-its-line", driver, row)

        # Fixed: it loads; its first test pinned 电话畅通 15 (W1 misses one 镇 check): now 14, failing.
        set_draft(driver, draft)
        verdict = save(driver)
        assert "通过 3" in verdict and "未通过 1" in verdict, verdict
        failing = driver.find_elements(By.CSS_SELECTOR, "#draft-view tr.problem")
        assert any("W1 的 电话畅通 为 14，应为 15" in r.text for r in failing), [r.text for r in failing]
        driver.find_element(By.ID, "adopt-from").send_keys("2026-11")
        driver.find_element(By.ID, "draft-adopt").click()
        wait(driver, EC.text_to_be_present_in_element((By.ID, "adopt-result"), "测试未通过，不能采用"))
        step("test-fails-adoption-refused", driver, driver.find_element(By.ID, "adopt-result"))

        # The test's values by hand: 总分 5.3 − 1 = 4.3; 考核绩效 2000 × 4.3% = 86; 180 yuan: 实发 0, 未扣足 94.
        for old, new in [('"电话畅通" = 15', '"电话畅通" = 14'), ('"总分" = 5.3', '"总分" = 4.3'),
                         ('"考核绩效" = 106', '"考核绩效" = 86'), ('"未扣足" = 74', '"未扣足" = 94')]:
            assert old in draft, old
            draft = draft.replace(old, new)
        set_draft(driver, draft)
        verdict = save(driver)
        assert "通过 4" in verdict and "未通过 0" in verdict, verdict
        assert not driver.find_elements(By.CSS_SELECTOR, "#draft-view tr.problem")
        step("fixed", driver, driver.find_element(By.ID, "draft-tests"))

        driver.find_element(By.ID, "compare-period").send_keys("2026-10")
        driver.find_element(By.ID, "draft-compare").click()
        wait(driver, EC.text_to_be_present_in_element((By.ID, "compare-result"), "98623.60"))
        result = driver.find_element(By.ID, "compare-result")
        assert "98821.91" in result.text, result.text
        link = result.find_element(By.TAG_NAME, "a")
        assert link.get_attribute("href").endswith("/periods/2026-10/outputs/qinghe-2026-10-compare.xlsx"), link.get_attribute("href")
        step("compared", driver, result)

        driver.find_element(By.ID, "draft-adopt").click()
        wait(driver, lambda d: "2026.2.toml" in d.find_element(By.ID, "versions").text)
        versions = driver.find_element(By.ID, "versions").text
        assert "2026-11" in versions and "gov" in versions, versions
        drafts = driver.find_element(By.ID, "drafts").text
        assert drafts.startswith("加分调整（gov "), drafts  # its name as typed, not percent-encoded
        step("adopted", driver)
    finally:
        driver.quit()
    print(f"{steps} passed, 0 failed")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # the step that failed, for the test's message
        print(f"failed after step {steps}: {type(e).__name__}: {e}", flush=True)
        sys.exit(1)
