// The Users page as an administrator uses it, offscreen, in the real window (Main.qml) on the
// app's composition (a real SecurityService on journal.db in a temporary directory): the
// administrator adds an operator from the screen, who can then log in and does not see the page;
// the last enabled administrator cannot be disabled, and the page says why; a reset password
// unlocks a locked user; in kiosk mode the Add user form, a refusal included, stays above the
// on-screen keyboard. VIGIL_TEST_SCREENSHOTS=dir saves the page at 1280×800.

#include "hmipipeline.h"
#include "qmltesting.h"
#include "securitytesting.h"
#include "userlistmodel.h"

#include <QProcess>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;
using namespace vigil::testing;

namespace
{

// Set in the child process of keyboardAsTheAppRunsIt().
const char kKeyboardChild[] = "VIGIL_TST_USERSPAGE_KEYBOARD_CHILD";

const QString kAdmin = QStringLiteral("alice");
const QString kAdminPassword = QStringLiteral("admin password 1");
const QString kOperatorPassword = QStringLiteral("operator pw 42");
constexpr int kUsersNav = 8;

const char kPlant[] = R"(
[plant]
name = "Users plant"

[[devices]]
id = "unit1"
driver = "sim"
period = "1s"

[[tags]]
id = "LEVEL"
device = "unit1"
address = "constant:value=4.2"
type = "float64"
unit = "m"
range = [0, 10]
)";

QString textOf(QQuickItem *item)
{
    return item ? item->property("text").toString() : QStringLiteral("<no item>");
}

} // namespace

class TstUsersPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void adminAddsAnOperatorWhoCanLogIn();
    void lastAdminCannotBeDisabled();
    void changeRoleAndResetPassword();
    void refusedWithoutManageUsers();
    void dialogStaysAboveTheKeyboard();
    void keyboardAsTheAppRunsIt();

private:
    QQuickItem *item(const QString &name) const { return findItem(m_window, name); }
    QQuickItem *inRow(const QString &user, const QString &name) const
    {
        return findItem(item(QStringLiteral("userRow_") + user), name);
    }
    void click(QQuickItem *target, const QString &what);
    void click(const QString &name) { click(item(name), name); }
    void setText(const QString &name, const QString &text);
    void openUsersPage();
    // Fills the Add user dialog and submits it (after a screenshot named `shot`, if any).
    void addUser(const QString &name, const QString &role, const QString &password,
                 const QString &shot = QString());
    void screenshot(const QString &name);

    QTemporaryDir m_dir;
    DriverRegistry m_registry;
    std::optional<PlantConfig> m_plant;
    std::unique_ptr<Pipeline> m_pipeline;
    QQuickWindow *m_window = nullptr;
};

void TstUsersPage::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    registerCoreMetaTypes();
    registerBuiltinDrivers(m_registry);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QVERIFY(m_dir.isValid());
    m_plant = loadPlantFile(m_registry, m_dir, kPlant);
    QVERIFY(m_plant);
}

void TstUsersPage::init()
{
    const QString data = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
    QVERIFY(QDir().mkpath(data));
    // The child process runs the window as a kiosk, with the on-screen keyboard.
    const bool kiosk = qEnvironmentVariableIsSet(kKeyboardChild);
    m_pipeline = std::make_unique<Pipeline>(m_registry, *m_plant, kiosk, data);
    QVERIFY2(m_pipeline->securityError.isEmpty(), qPrintable(m_pipeline->securityError));
    QVERIFY(m_pipeline->addAdministrator(kAdmin, kAdminPassword));
    m_window = m_pipeline->load();
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    if (kiosk) {
        // The panel's size rather than the offscreen screen's.
        m_window->setVisibility(QWindow::Windowed);
        m_window->resize(1280, 800);
        QTRY_COMPARE(m_window->height(), 800);
    }
}

void TstUsersPage::cleanup()
{
    const QStringList warnings = m_pipeline ? m_pipeline->qmlWarnings : QStringList();
    m_window = nullptr;
    m_pipeline.reset();
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void TstUsersPage::click(QQuickItem *target, const QString &what)
{
    QVERIFY2(target, qPrintable(what));
    QVERIFY2(target->isVisible(), qPrintable(what + QStringLiteral(" is hidden")));
    QVERIFY2(target->isEnabled(), qPrintable(what + QStringLiteral(" is disabled")));
    QTest::mouseClick(
        m_window, Qt::LeftButton, {},
        target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
}

void TstUsersPage::setText(const QString &name, const QString &text)
{
    QQuickItem *field = item(name);
    QVERIFY2(field, qPrintable(name));
    QVERIFY(field->setProperty("text", text));
}

void TstUsersPage::openUsersPage()
{
    m_pipeline->session.logIn(kAdmin, Role::Admin);
    QQuickItem *nav = item(QStringLiteral("nav_%1").arg(kUsersNav));
    QVERIFY(nav);
    QCOMPARE(textOf(nav), QStringLiteral("Users"));
    QTRY_VERIFY(nav->isVisible());
    QTRY_COMPARE(nav->y(), kUsersNav * nav->height());
    click(nav, QStringLiteral("users nav"));
    QTRY_COMPARE(item(QStringLiteral("pages"))->property("currentIndex").toInt(), kUsersNav);
    QTRY_VERIFY(item(QStringLiteral("userRow_") + kAdmin));
}

void TstUsersPage::addUser(const QString &name, const QString &role, const QString &password,
                           const QString &shot)
{
    click(QStringLiteral("userAdd"));
    QTRY_VERIFY(item(QStringLiteral("userDialog"))->isVisible());
    setText(QStringLiteral("userDialogName"), name);
    click(QStringLiteral("userDialogRole_") + role);
    setText(QStringLiteral("userDialogPassword"), password);
    setText(QStringLiteral("userDialogRepeat"), password);
    if (!shot.isEmpty())
        screenshot(shot);
    click(QStringLiteral("userDialogSubmit"));
}

void TstUsersPage::screenshot(const QString &name)
{
    if (const QString dir = qEnvironmentVariable("VIGIL_TEST_SCREENSHOTS"); !dir.isEmpty())
        QVERIFY(
            m_window->grabWindow().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TstUsersPage::adminAddsAnOperatorWhoCanLogIn()
{
    QVERIFY(!item(QStringLiteral("nav_%1").arg(kUsersNav))->isVisible()); // nobody logged in
    openUsersPage();
    QCOMPARE(textOf(inRow(kAdmin, QStringLiteral("userRole"))), QStringLiteral("Administrator"));
    QCOMPARE(textOf(inRow(kAdmin, QStringLiteral("userState"))), QStringLiteral("Enabled"));

    // Two different passwords never reach the service.
    click(QStringLiteral("userAdd"));
    setText(QStringLiteral("userDialogName"), QStringLiteral("otto"));
    setText(QStringLiteral("userDialogPassword"), kOperatorPassword);
    setText(QStringLiteral("userDialogRepeat"), QStringLiteral("something else"));
    click(QStringLiteral("userDialogSubmit"));
    QCOMPARE(textOf(item(QStringLiteral("userDialogMessage"))),
             QStringLiteral("The two passwords differ"));
    QCOMPARE(textOf(item(QStringLiteral("userDialogPassword"))), QString());
    click(QStringLiteral("userDialogCancel"));

    addUser(QStringLiteral("otto"), QStringLiteral("operator"), kOperatorPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!item(QStringLiteral("userDialog"))->isVisible(), 10'000);
    QTRY_VERIFY(item(QStringLiteral("userRow_otto")));
    QCOMPARE(textOf(inRow(QStringLiteral("otto"), QStringLiteral("userRole"))),
             QStringLiteral("Operator"));
    QCOMPARE(textOf(item(QStringLiteral("usersMessage"))),
             QStringLiteral("otto added as Operator"));
    addUser(QStringLiteral("erin"), QStringLiteral("engineer"), QStringLiteral("engineer pw 7"));
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("userRow_erin")), 10'000);
    QCOMPARE(m_pipeline->userAdmin.users()->rowCount(), 3);
    screenshot(QStringLiteral("users-page"));
    addUser(QStringLiteral("mallory"), QStringLiteral("viewer"), QStringLiteral("mallory"),
            QStringLiteral("users-add-dialog"));
    QTRY_COMPARE(textOf(item(QStringLiteral("userDialogMessage"))),
                 QStringLiteral("Not done: the password must have at least 8 characters"));
    click(QStringLiteral("userDialogCancel"));

    // The operator logs in with the password the administrator chose, and sees no Users page.
    click(QStringLiteral("userArea")); // logs the administrator out
    QTRY_VERIFY(!m_pipeline->session.loggedIn());
    QTRY_COMPARE(item(QStringLiteral("pages"))->property("currentIndex").toInt(), 0);
    if (!item(QStringLiteral("loginDialog"))->isVisible())
        click(QStringLiteral("userArea"));
    QTRY_VERIFY(item(QStringLiteral("loginDialog"))->isVisible());
    setText(QStringLiteral("loginName"), QStringLiteral("otto"));
    setText(QStringLiteral("loginPassword"), kOperatorPassword);
    click(QStringLiteral("loginSubmit"));
    QTRY_VERIFY_WITH_TIMEOUT(m_pipeline->session.loggedIn(), 10'000);
    QCOMPARE(m_pipeline->session.user(), QStringLiteral("otto"));
    QCOMPARE(m_pipeline->session.role(), Role::Operator);
    QVERIFY(!item(QStringLiteral("nav_%1").arg(kUsersNav))->isVisible());
    QCOMPARE(m_pipeline->userAdmin.users()->rowCount(), 0); // the list left with the administrator
}

void TstUsersPage::lastAdminCannotBeDisabled()
{
    openUsersPage();
    click(inRow(kAdmin, QStringLiteral("userToggle")), QStringLiteral("disable alice"));
    QTRY_COMPARE(textOf(item(QStringLiteral("usersMessage"))),
                 QStringLiteral("Not done: 'alice' is the last enabled admin: add or enable "
                                "another admin first"));
    QCOMPARE(textOf(inRow(kAdmin, QStringLiteral("userState"))), QStringLiteral("Enabled"));
    screenshot(QStringLiteral("users-last-admin"));
}

void TstUsersPage::changeRoleAndResetPassword()
{
    openUsersPage();
    addUser(QStringLiteral("otto"), QStringLiteral("operator"), kOperatorPassword);
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("userRow_otto")), 10'000);

    click(inRow(QStringLiteral("otto"), QStringLiteral("userChangeRole")), QStringLiteral("role"));
    click(QStringLiteral("userDialogRole_engineer"));
    click(QStringLiteral("userDialogSubmit"));
    QTRY_COMPARE(textOf(inRow(QStringLiteral("otto"), QStringLiteral("userRole"))),
                 QStringLiteral("Engineer"));

    click(inRow(QStringLiteral("otto"), QStringLiteral("userToggle")), QStringLiteral("disable"));
    QTRY_COMPARE(textOf(inRow(QStringLiteral("otto"), QStringLiteral("userState"))),
                 QStringLiteral("Disabled"));
    QCOMPARE(textOf(inRow(QStringLiteral("otto"), QStringLiteral("userToggle"))),
             QStringLiteral("Enable"));
    click(inRow(QStringLiteral("otto"), QStringLiteral("userToggle")), QStringLiteral("enable"));
    QTRY_COMPARE(textOf(inRow(QStringLiteral("otto"), QStringLiteral("userState"))),
                 QStringLiteral("Enabled"));

    // Locked out by wrong passwords; a new password from the administrator unlocks.
    for (int i = 0; i < m_plant->security.maxFailedLogins; ++i)
        SecurityFixture::wait(
            m_pipeline->security.login(QStringLiteral("otto"), QStringLiteral("guess")));
    m_pipeline->userAdmin.refresh();
    QTRY_VERIFY(textOf(inRow(QStringLiteral("otto"), QStringLiteral("userState")))
                    .startsWith(u"Locked until "));
    click(inRow(QStringLiteral("otto"), QStringLiteral("userReset")), QStringLiteral("reset"));
    const QString fresh = QStringLiteral("fresh start 99");
    setText(QStringLiteral("userDialogPassword"), fresh);
    setText(QStringLiteral("userDialogRepeat"), fresh);
    click(QStringLiteral("userDialogSubmit"));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(inRow(QStringLiteral("otto"), QStringLiteral("userState"))),
                              QStringLiteral("Enabled"), 10'000);
    QCOMPARE(SecurityFixture::wait(m_pipeline->security.login(QStringLiteral("otto"), fresh)).role,
             Role::Engineer);
}

void TstUsersPage::refusedWithoutManageUsers()
{
    // Whatever calls the adapter, it asks the service nothing for a session without the
    // permission.
    m_pipeline->session.logIn(QStringLiteral("erin"), Role::Engineer);
    QVERIFY(!m_pipeline->userAdmin.allowed());
    m_pipeline->userAdmin.addUser(QStringLiteral("eve"), QStringLiteral("admin"), kAdminPassword,
                                  kAdminPassword);
    QCOMPARE(m_pipeline->userAdmin.message(),
             QStringLiteral("Only an administrator manages users"));
    QVERIFY(!m_pipeline->userAdmin.busy());
    // The worker answers in call order: an addUser sent above would show in this list.
    QCOMPARE(SecurityFixture::wait(m_pipeline->security.listUsers()).size(), 1);
    QCOMPARE(m_pipeline->userAdmin.users()->rowCount(), 0);
    QCOMPARE(SecurityFixture::wait(m_pipeline->security.auditPage({})).constFirst().action,
             QStringLiteral("user.first-admin"));
}

void TstUsersPage::dialogStaysAboveTheKeyboard()
{
    openUsersPage();
    click(QStringLiteral("userAdd"));
    QQuickItem *name = item(QStringLiteral("userDialogName"));
    QTRY_VERIFY(name && name->hasActiveFocus());
    QQuickItem *submit = item(QStringLiteral("userDialogSubmit"));
    const qreal bottom = submit->mapToScene(QPointF(0, submit->height())).y();
    if (!qEnvironmentVariableIsSet(kKeyboardChild)) {
        QVERIFY(bottom < m_window->height());
        return;
    }
    // With the keyboard up, the whole form, its buttons too, stays above it.
    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    name->forceActiveFocus();
    QQuickItem *panel = nullptr;
    QTRY_VERIFY2((panel = item(QStringLiteral("keyboardPanel"))) &&
                     panel->property("active").toBool(),
                 "the on-screen keyboard did not come up for the user name");
    QTRY_COMPARE(panel->y() + panel->height(), panel->parentItem()->height());
    // The keys lie at the bottom of the panel, which the Loader stretches over the window.
    auto *keys = panel->property("keyboard").value<QQuickItem *>();
    QVERIFY(keys);
    const qreal keyboardTop = keys->mapToScene(QPointF(0, 0)).y();
    QVERIFY2(keyboardTop > m_window->height() / 3, qPrintable(QString::number(keyboardTop)));
    // A refusal adds a line: the form still ends above the keys.
    setText(QStringLiteral("userDialogName"), QStringLiteral("mallory"));
    setText(QStringLiteral("userDialogPassword"), QStringLiteral("short"));
    setText(QStringLiteral("userDialogRepeat"), QStringLiteral("short"));
    QQuickItem *repeatField = item(QStringLiteral("userDialogRepeat"));
    repeatField->forceActiveFocus();
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_COMPARE(textOf(item(QStringLiteral("userDialogMessage"))),
                 QStringLiteral("Not done: the password must have at least 8 characters"));
    QVERIFY(panel->property("active").toBool());
    QTRY_VERIFY2(submit->mapToScene(QPointF(0, submit->height())).y() <= keyboardTop,
                 qPrintable(QStringLiteral("the dialog ends at %1, the keyboard starts at %2")
                                .arg(submit->mapToScene(QPointF(0, submit->height())).y())
                                .arg(keyboardTop)));
    QQuickItem *repeat = item(QStringLiteral("userDialogRepeat"));
    QVERIFY(repeat->mapToScene(QPointF(0, repeat->height())).y() <= keyboardTop);
    screenshot(QStringLiteral("users-add-keyboard"));
}

void TstUsersPage::keyboardAsTheAppRunsIt()
{
    if (qEnvironmentVariableIsSet(kKeyboardChild))
        QSKIP("the child runs only dialogStaysAboveTheKeyboard");
    runWithVirtualKeyboard(kKeyboardChild, QStringLiteral("TstUsersPage"),
                           QStringLiteral("dialogStaysAboveTheKeyboard"));
}

QTEST_MAIN(TstUsersPage)
#include "tst_userspage.moc"
