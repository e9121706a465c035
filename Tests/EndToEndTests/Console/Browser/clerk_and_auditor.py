"""The console in a real browser (headless Chromium through Selenium), as the office uses it:
the clerk signs in, uploads qinghe 2026-08's exports, runs the month, opens a worker's
explanation and submits; a checker approves; the auditor verifies and reads the log. A
screenshot of each page goes to the folder given (1366x768, the office PCs' screen).

Usage: python3 clerk_and_auditor.py PORT PASSWORD INPUT_FOLDER SCREENSHOT_FOLDER
Prints one line per step and 'N passed, 0 failed' at the end; exits 1 at the first failure.
"""
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PORT, PASSWORD, INPUTS, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
BASE = f"http://127.0.0.1:{PORT}"
FILES = ["roster.csv", "patrol.csv", "events.csv", "phone_checks.csv", "training.csv", "visits.csv"]
steps = 0


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1366,768", "--lang=zh-CN"]:
        options.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def step(name, driver):
    global steps
    steps += 1
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(SHOTS, f"{steps:02d}-{name}.png"))
    print(f"step {steps}: {name}: passed", flush=True)


def wait(driver, condition, seconds=120):
    return WebDriverWait(driver, seconds).until(condition)


def upload(driver, f):
    """Gives file f to its form and waits for the page the upload reloads. Under load chromedriver
    has answered "Node with given id does not belong to the document" when the file was set on a
    form found just after the reload: the form is found again and, unless its row already shows
    the file (an earlier attempt's upload landed), the file is given again (five attempts)."""
    for attempt in range(5):
        try:
            form = driver.find_element(By.CSS_SELECTOR, f'form.upload[data-url$="/inputs/{f}"]')
            if "缺少" not in form.find_element(By.XPATH, "./ancestor::tr").text:
                return
            form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(os.path.join(INPUTS, f))
            form.find_element(By.CSS_SELECTOR, "button").click()
            wait(driver, EC.staleness_of(form))
            wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")
            wait(driver, EC.presence_of_element_located((By.ID, "status")))
            return
        except WebDriverException:
            if attempt == 4:
                raise
            time.sleep(1)


def sign_in(driver, name):
    driver.get(BASE + "/")
    wait(driver, EC.presence_of_element_located((By.ID, "login-form")))
    assert driver.current_url.endswith("/login"), driver.current_url
    driver.find_element(By.ID, "login-name").send_keys(name)
    driver.find_element(By.ID, "login-password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login-submit").click()
    wait(driver, EC.presence_of_element_located((By.ID, "logout")))


def sign_out(driver):
    driver.find_element(By.ID, "logout").click()
    wait(driver, EC.presence_of_element_located((By.ID, "login-form")))


def status(driver):
    return driver.find_element(By.ID, "status").text


def clerk(driver):
    driver.get(BASE + "/")
    wait(driver, EC.presence_of_element_located((By.ID, "login-form")))
    driver.find_element(By.ID, "login-name").send_keys("clerk")
    driver.find_element(By.ID, "login-password").send_keys("wrong password!")
    driver.find_element(By.ID, "login-submit").click()
    wait(driver, EC.text_to_be_present_in_element((By.ID, "login-message"), "账号或密码不正确"))
    step("login-refused", driver)
    driver.find_element(By.ID, "login-password").clear()
    driver.find_element(By.ID, "login-password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login-submit").click()
    wait(driver, EC.presence_of_element_located((By.ID, "logout")))
    assert "清河镇" in driver.page_source
    step("towns", driver)
    driver.find_element(By.LINK_TEXT, "清河镇").click()
    wait(driver, EC.presence_of_element_located((By.NAME, "period")))
    driver.find_element(By.NAME, "period").send_keys("2026-08")
    driver.find_element(By.NAME, "period").submit()
    wait(driver, EC.presence_of_element_located((By.ID, "status")))
    assert status(driver) == "未运行", status(driver)
    assert driver.page_source.count("缺少") >= len(FILES)
    step("period-empty", driver)
    for f in FILES:
        upload(driver, f)
    assert "缺少" not in driver.find_element(By.CSS_SELECTOR, "table").text
    step("uploaded", driver)
    driver.find_element(By.ID, "run").click()
    wait(driver, EC.presence_of_element_located((By.ID, "total")))
    total = driver.find_element(By.ID, "total").text
    assert status(driver) == "已运行", status(driver)
    assert total and "." in total, total
    step("result", driver)
    driver.find_element(By.CSS_SELECTOR, "#workers a").click()
    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#explanation table.cells")))
    assert "QH0001" in driver.page_source
    step("explanation", driver)
    driver.back()
    wait(driver, EC.presence_of_element_located((By.ID, "submit"))).click()
    wait(driver, EC.text_to_be_present_in_element((By.ID, "status"), "已提交审核"))
    step("submitted", driver)
    sign_out(driver)
    return total


def checker(driver):
    sign_in(driver, "checker")
    driver.get(BASE + "/towns/qinghe/periods/2026-08")
    wait(driver, EC.presence_of_element_located((By.ID, "approve"))).click()
    wait(driver, EC.text_to_be_present_in_element((By.ID, "status"), "已结账"))
    step("approved", driver)
    sign_out(driver)


def auditor(driver):
    sign_in(driver, "auditor")
    driver.find_element(By.LINK_TEXT, "清河镇").click()
    button = wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "button.verify[data-period='2026-08']")))
    button.click()
    wait(driver, EC.text_to_be_present_in_element((By.ID, "verify-2026-08"), "一致："))
    step("verified", driver)
    driver.find_element(By.LINK_TEXT, "操作记录").click()
    wait(driver, EC.presence_of_element_located((By.ID, "log")))
    text = driver.find_element(By.ID, "log").text
    for action in ["核验", "结账", "审核通过", "提交审核", "运行", "上传"]:
        assert action in text, action
    step("log", driver)


def main():
    driver = browser()
    try:
        clerk(driver)
        checker(driver)
        auditor(driver)
    finally:
        driver.quit()
    print(f"{steps} passed, 0 failed")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # the step that failed, for the test's message
        print(f"failed after step {steps}: {type(e).__name__}: {e}", flush=True)
        sys.exit(1)
