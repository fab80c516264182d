// Loads the real window (qrc:/qt/qml/Vigil/Main.qml) offscreen exactly as app/main.cpp does, fed by
// the real pipeline: sim drivers on their threads -> TagTable on a core thread -> UiChangeCoalescer
// -> TagListModel / TagFilterModel, and DeviceListModel. Any warning fails the test.

#include "alarmbannerstatus.h"
#include "alarmfiltermodel.h"
#include "alarmhistorymodel.h"
#include "alarmkpistatus.h"
#include "alarmlistmodel.h"
#include "alarmoperations.h"
#include "alarms/alarmengine.h"
#include "alarms/annunciator.h"
#include "alarmsound.h"
#include "builtindrivers.h"
#include "config/plantloader.h"
#include "devicehost.h"
#include "devicelistmodel.h"
#include "driverregistry.h"
#include "eventtimelinemodel.h"
#include "history/historian.h"
#include "history/historyqueryservice.h"
#include "historystatus.h"
#include "hmipipeline.h"
#include "journal/journal.h"
#include "journal/journalqueryservice.h"
#include "metatypes.h"
#include "plantstatus.h"
#include "qmltesting.h"
#include "tagfiltermodel.h"
#include "taglistmodel.h"
#include "tags/tagtable.h"
#include "tags/uichangecoalescer.h"
#include "trendcontroller.h"
#include "util/systemclock.h"

#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;
using vigil::testing::findItem;
using vigil::testing::loadPlantFile;
using vigil::testing::Pipeline;
using vigil::testing::runWithVirtualKeyboard;

namespace
{

// Set in the child process of kioskModeAsTheAppRunsIt().
const char kKioskChildVariable[] = "VIGIL_TST_MAINQML_KIOSK_CHILD";

const char kPlantName[] = "Test Works — Unit 9";

const char kPlant[] = R"(
[plant]
name = "Test Works — Unit 9"
description = "QML smoke plant"

[[devices]]
id = "unit9"
driver = "sim"
description = "Unit 9 process"
period = "50ms"

[[devices]]
id = "utility"
driver = "sim"
period = "100ms"

[[tags]]
id = "RAMP1"
description = "Fast ramp"
device = "unit9"
address = "ramp:period=3s,lo=0,hi=100"
type = "float64"
unit = "%"
range = [0, 100]
decimals = 2
alarms = [
    { type = "lo", limit = 10, priority = "low" },
    { type = "hi", limit = 90, priority = "high" },
]

[[tags]]
id = "TT901"
description = "Reactor temperature"
device = "unit9"
address = "sine:period=1m,lo=40,hi=60"
type = "float32"
unit = "°C"
range = [0, 120]

[[tags]]
id = "LEVEL"
description = "Sump level"
device = "unit9"
address = "constant:value=4.2"
type = "float64"
unit = "m"
range = [0, 10]

[[tags]]
id = "RUN9"
description = "Pump running"
device = "unit9"
address = "square:period=10s,duty=0.5"
type = "bool"

[[tags]]
id = "MODE9"
description = "Pump mode"
device = "unit9"
address = "text:value=AUTO"
type = "string"

[[tags]]
id = "PRESS"
description = "Air pressure"
device = "utility"
address = "random:lo=6,hi=7,step=0.01"
type = "float64"
unit = "bar"
range = [0, 10]
)";

// Every warning (QML or not) is recorded; the previous handler still prints it.
QStringList g_warnings;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)
        g_warnings.append(QStringLiteral("[%1] %2").arg(
            QString::fromLatin1(context.category ? context.category : ""), message));
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

void collectItems(QQuickItem *item, QList<QQuickItem *> &out)
{
    out.append(item);
    for (QQuickItem *child : item->childItems())
        collectItems(child, out);
}

QList<QQuickItem *> allItems(QQuickItem *root)
{
    QList<QQuickItem *> out;
    if (root)
        collectItems(root, out);
    return out;
}

// The first item under root whose "text" property equals text.
QQuickItem *findText(QQuickItem *root, const QString &text)
{
    for (QQuickItem *item : allItems(root)) {
        const QVariant t = item->property("text");
        if (t.isValid() && t.toString() == text)
            return item;
    }
    return nullptr;
}

// The delegate a ListView shows for a row (ListView.itemAtIndex), or null.
QQuickItem *delegateAt(QQuickItem *view, int index)
{
    QQuickItem *result = nullptr;
    QMetaObject::invokeMethod(view, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, result),
                              Q_ARG(int, index));
    return result;
}

// The tag id a ListView's row shows, or "" if the row has no delegate.
QString tagIdAt(QQuickItem *view, int index)
{
    QQuickItem *delegate = delegateAt(view, index);
    return delegate ? delegate->property("tagId").toString() : QString();
}

// QTest::keyClicks() takes only widgets on Qt 6.4.
void typeText(QWindow *window, const char *text)
{
    for (const char *c = text; *c; ++c)
        QTest::keyClick(window, *c);
}

QString textOf(QQuickItem *item)
{
    return item ? item->property("text").toString() : QStringLiteral("<no item>");
}

} // namespace

class TstMainQml : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void windowLoadsWithoutWarnings();
    void topBarShowsPlantNameClockAndCommStatus();
    void tagListShowsEveryTagWithLiveValues();
    void filterReducesTheCount();
    void navigatingToDevicesShowsTheDeviceList();
    void bannerOpensTheAlarmSummary();
    void auditPageOnlyForEngineersAndAdministrators();
    void kioskModeLoadsTheKeyboardPanel();
    void kioskModeAsTheAppRunsIt();

private:
    QQuickWindow *loadWindow(bool kiosk = false);
    QQuickItem *item(const QString &objectName) const
    {
        return findItem(m_window ? m_window->QQuickWindow::contentItem() : nullptr, objectName);
    }

    QTemporaryDir m_dir;
    DriverRegistry m_registry;
    std::optional<PlantConfig> m_plant;
    std::unique_ptr<Pipeline> m_pipeline;
    QQuickWindow *m_window = nullptr;
};

void TstMainQml::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(recordMessage);
    QLocale::setDefault(QLocale::c());
    registerCoreMetaTypes();
    qRegisterMetaType<DriverStatus>();
    registerBuiltinDrivers(m_registry);
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QVERIFY(m_dir.isValid());
    m_plant = loadPlantFile(m_registry, m_dir, kPlant);
    QVERIFY(m_plant);
    QCOMPARE(m_plant->name, QString::fromUtf8(kPlantName));
    QCOMPARE(m_plant->tags->size(), 6u);
}

void TstMainQml::init()
{
    g_warnings.clear();
}

void TstMainQml::cleanup()
{
    const QStringList qmlWarnings = m_pipeline ? m_pipeline->qmlWarnings : QStringList();
    m_window = nullptr;
    m_pipeline.reset(); // tearing down must not warn either
    if (qEnvironmentVariableIsSet(kKioskChildVariable)) {
        // With the virtual keyboard input method, a missing spell-check dictionary only means no
        // word suggestions (a deployment matter, not a QML fault): shown, not failed.
        g_warnings.removeIf([](const QString &w) {
            const bool dictionary =
                w.startsWith(u"[qt.virtualkeyboard.hunspell] Hunspell dictionary is missing");
            if (dictionary)
                qInfo().noquote() << "tolerated:" << w;
            return dictionary;
        });
    }
    QVERIFY2(qmlWarnings.isEmpty(), qPrintable(qmlWarnings.join(u'\n')));
    QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
}

void TstMainQml::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

QQuickWindow *TstMainQml::loadWindow(bool kiosk)
{
    m_pipeline = std::make_unique<Pipeline>(m_registry, *m_plant, kiosk, m_dir.path());
    if (!m_pipeline->addAdministrator(QStringLiteral("admin"), QStringLiteral("admin password 1")))
        qWarning() << "the first administrator could not be created";
    if (!m_pipeline->alarmSound.audioAvailable()) {
        // The tests run without a sound server (tests/CMakeLists.txt): Qt Multimedia and
        // AlarmSound say so, as on a panel without audio, and the window shows it: not a fault.
        g_warnings.removeIf([](const QString &w) {
            const bool audio = w == u"[default] PulseAudioService: pa_context_connect() failed" ||
                               w == u"[vigil.ui] no audio output: alarms are silent";
            if (audio)
                qInfo().noquote() << "tolerated:" << w;
            return audio;
        });
    }
    m_window = m_pipeline->load();
    return m_window;
}

void TstMainQml::windowLoadsWithoutWarnings()
{
    QQuickWindow *window = loadWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->title(), QString::fromUtf8(kPlantName) + QStringLiteral(" — Vigil"));
    QVERIFY(window->isVisible());
    QCOMPARE(window->width(), 1280);
    QCOMPARE(window->height(), 800);
    QCOMPARE(window->visibility(), QWindow::Windowed);
    QVERIFY(!(window->flags() & Qt::FramelessWindowHint));
    for (const char *name : {"tagList", "tagFilter", "tagCount", "commStatus", "clockTime", "pages",
                             "nav_0", "nav_1", "nav_3", "nav_4", "deviceList", "alarmBanner",
                             "silenceButton", "userArea", "alarmList", "shelvedList"})
        QVERIFY2(item(QString::fromLatin1(name)), name);
    // The initial properties reached the window.
    QCOMPARE(window->property("plant").value<QObject *>(), &m_pipeline->plantStatus);
    QCOMPARE(window->property("tags").value<QObject *>(), &m_pipeline->tagFilter);
    QCOMPARE(window->property("devices").value<QObject *>(), &m_pipeline->deviceModel);

    m_pipeline->start();
    QTRY_VERIFY(m_pipeline->deviceModel.allHealthy());
    // Let a few updates flow through the window.
    QTRY_VERIFY(textOf(item(QStringLiteral("value_RAMP1"))) != QStringLiteral("—"));
    QVERIFY2(m_pipeline->qmlWarnings.isEmpty(), qPrintable(m_pipeline->qmlWarnings.join(u'\n')));
    QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
}

void TstMainQml::topBarShowsPlantNameClockAndCommStatus()
{
    QQuickWindow *window = loadWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QQuickItem *root = window->QQuickWindow::contentItem();

    QQuickItem *name = findText(root, QString::fromUtf8(kPlantName));
    QVERIFY(name);
    QVERIFY(name->isVisible());
    QVERIFY(name->width() > 0);
    QVERIFY(findText(root, QStringLiteral("QML smoke plant")));
    QVERIFY(findText(item(QStringLiteral("userArea")), QStringLiteral("View only")));
    QVERIFY(item(QStringLiteral("alarmBanner"))->isVisible());

    // The clock shows the local time and ticks.
    QQuickItem *clock = item(QStringLiteral("clockTime"));
    const QString first = textOf(clock);
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d$")).match(first).hasMatch(),
             qPrintable(first));
    const int skew =
        QTime::fromString(first, QStringLiteral("HH:mm:ss")).secsTo(QTime::currentTime());
    QVERIFY2(qAbs(skew) <= 2 || qAbs(skew) >= 86400 - 2, qPrintable(first));
    QTRY_VERIFY_WITH_TIMEOUT(textOf(clock) != first, 3000);

    // Communication status: faulted until every driver is connected.
    QQuickItem *comm = item(QStringLiteral("commStatus"));
    QQuickItem *commText = nullptr;
    for (QQuickItem *child : allItems(comm)) {
        if (child != comm && child->property("text").isValid())
            commText = child;
    }
    QVERIFY(commText);
    QCOMPARE(textOf(commText).simplified(), QStringLiteral("▲ COMM FAULT 0/2"));
    m_pipeline->start();
    QTRY_COMPARE(textOf(commText).simplified(), QStringLiteral("COMM OK 2/2"));

    // One device goes away: the bar says so.
    m_pipeline->devices.driver(QStringLiteral("utility"))->stop();
    QTRY_COMPARE(textOf(commText).simplified(), QStringLiteral("▲ COMM FAULT 1/2"));
}

void TstMainQml::tagListShowsEveryTagWithLiveValues()
{
    QQuickWindow *window = loadWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));

    QQuickItem *list = item(QStringLiteral("tagList"));
    QCOMPARE(list->property("count").toInt(), 6);
    QCOMPARE(textOf(item(QStringLiteral("tagCount"))), QStringLiteral("6 of 6 tags"));
    // One row per tag, sorted by tag id.
    const QStringList ids{"LEVEL", "MODE9", "PRESS", "RAMP1", "RUN9", "TT901"};
    for (int row = 0; row < ids.size(); ++row) {
        QQuickItem *delegate = delegateAt(list, row);
        QVERIFY(delegate);
        QCOMPARE(delegate->property("tagId").toString(), ids[row]);
        QVERIFY(delegate->isVisible());
    }
    for (const QString &id : ids) {
        QQuickItem *value = item(QStringLiteral("value_") + id);
        QVERIFY2(value, qPrintable(id));
        QVERIFY(value->isVisible());
        QCOMPARE(textOf(value), QStringLiteral("—")); // nothing received yet
        QVERIFY(findText(list, id));
    }

    m_pipeline->start();
    QQuickItem *ramp = item(QStringLiteral("value_RAMP1"));
    QTRY_VERIFY(textOf(ramp) != QStringLiteral("—"));
    const QString first = textOf(ramp);
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{1,3}\\.\\d\\d$")).match(first).hasMatch(),
             qPrintable(first));
    // Live: the displayed text follows the ramp.
    QTRY_VERIFY(textOf(ramp) != first);
    const QString second = textOf(ramp);
    QTRY_VERIFY(textOf(ramp) != second);

    QTRY_COMPARE(textOf(item(QStringLiteral("value_LEVEL"))), QStringLiteral("4.20"));
    QTRY_COMPARE(textOf(item(QStringLiteral("value_MODE9"))), QStringLiteral("AUTO"));
    QTRY_VERIFY(textOf(item(QStringLiteral("value_RUN9"))) == QStringLiteral("ON") ||
                textOf(item(QStringLiteral("value_RUN9"))) == QStringLiteral("OFF"));
    QTRY_VERIFY(textOf(item(QStringLiteral("value_PRESS"))) != QStringLiteral("—"));
    QTRY_VERIFY(textOf(item(QStringLiteral("value_TT901"))) != QStringLiteral("—"));

    // Stopping a device greys its values but keeps them.
    m_pipeline->devices.driver(QStringLiteral("unit9"))->stop();
    QQuickItem *level = item(QStringLiteral("value_LEVEL"));
    QTRY_COMPARE(level->property("color").value<QColor>(), QColor(QStringLiteral("#8c8c8c")));
    QCOMPARE(textOf(level), QStringLiteral("4.20"));
    QVERIFY(findText(list, QStringLiteral("COMM")));
}

void TstMainQml::filterReducesTheCount()
{
    QQuickWindow *window = loadWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    m_pipeline->start();

    QQuickItem *count = item(QStringLiteral("tagCount"));
    QQuickItem *list = item(QStringLiteral("tagList"));
    QQuickItem *filter = item(QStringLiteral("tagFilter"));
    QCOMPARE(textOf(count), QStringLiteral("6 of 6 tags"));

    // Type into the field as an operator would.
    window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(window));
    filter->forceActiveFocus();
    QVERIFY(filter->hasActiveFocus());
    typeText(window, "ramp");
    QTRY_COMPARE(m_pipeline->tagFilter.filterText(), QStringLiteral("ramp"));
    QTRY_COMPARE(textOf(count), QStringLiteral("1 of 6 tags"));
    QCOMPARE(list->property("count").toInt(), 1);
    QTRY_COMPARE(tagIdAt(list, 0), QStringLiteral("RAMP1"));
    QTRY_VERIFY(!delegateAt(list, 1));

    // Clear the field, then several words: each must match.
    QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(window, Qt::Key_Backspace);
    QTRY_COMPARE(textOf(count), QStringLiteral("6 of 6 tags"));
    typeText(window, "PUMP mode");
    QTRY_COMPARE(textOf(count), QStringLiteral("1 of 6 tags"));
    QTRY_COMPARE(tagIdAt(list, 0), QStringLiteral("MODE9"));
    QTRY_VERIFY(!delegateAt(list, 1));
    QTRY_COMPARE(textOf(findItem(delegateAt(list, 0), QStringLiteral("value_MODE9"))),
                 QStringLiteral("AUTO"));

    // Clearing the model's filter (e.g. from C++) updates the field and the list.
    m_pipeline->tagFilter.setFilterText(QString());
    QTRY_COMPARE(textOf(count), QStringLiteral("6 of 6 tags"));
    QCOMPARE(textOf(filter), QString());
    QCOMPARE(list->property("count").toInt(), 6);
}

void TstMainQml::auditPageOnlyForEngineersAndAdministrators()
{
    QQuickWindow *window = loadWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QQuickItem *nav = item(QStringLiteral("nav_7"));
    QVERIFY(nav);
    QCOMPARE(textOf(nav), QStringLiteral("Audit"));
    QVERIFY(!nav->isVisible()); // nobody logged in
    m_pipeline->session.logIn(QStringLiteral("otto"), Role::Operator);
    QVERIFY(!nav->isVisible());
    m_pipeline->session.logIn(QStringLiteral("erin"), Role::Engineer);
    QTRY_VERIFY(nav->isVisible());
    // Below the seven other buttons once the column has placed it.
    QTRY_COMPARE(nav->y(), 7 * nav->height());
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier,
                      nav->mapToScene(QPointF(nav->width() / 2, nav->height() / 2)).toPoint());
    QQuickItem *pages = item(QStringLiteral("pages"));
    QTRY_COMPARE(pages->property("currentIndex").toInt(), 7);
    QTRY_VERIFY(item(QStringLiteral("auditList"))->isVisible());
    // The audit page's model reads while shown: the engineer's own login is not there (the
    // session was set directly), but the first administrator's creation is.
    QTRY_VERIFY(m_pipeline->audit.count() > 0);
    // Logged out, the page goes away with the permission.
    m_pipeline->session.logOut(QStringLiteral("user"));
    QTRY_COMPARE(pages->property("currentIndex").toInt(), 0);
    QVERIFY(!nav->isVisible());
}

void TstMainQml::navigatingToDevicesShowsTheDeviceList()
{
    QQuickWindow *window = loadWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    m_pipeline->start();

    QQuickItem *pages = item(QStringLiteral("pages"));
    QQuickItem *devices = item(QStringLiteral("deviceList"));
    QQuickItem *tags = item(QStringLiteral("tagList"));
    QCOMPARE(pages->property("currentIndex").toInt(), 0);
    QVERIFY(tags->isVisible());
    QVERIFY(!devices->isVisible());

    QQuickItem *nav = item(QStringLiteral("nav_1"));
    QVERIFY(nav);
    QCOMPARE(textOf(nav), QStringLiteral("Devices"));
    const QPoint centre = nav->mapToScene(QPointF(nav->width() / 2, nav->height() / 2)).toPoint();
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre);
    QTRY_COMPARE(pages->property("currentIndex").toInt(), 1);
    QVERIFY(devices->isVisible());
    QVERIFY(!tags->isVisible());
    QTRY_COMPARE(devices->property("count").toInt(), 2);
    // One card per device, in plant order, each saying it is connected.
    auto deviceIdAt = [devices](int row) {
        QQuickItem *card = delegateAt(devices, row);
        return card ? card->property("deviceId").toString() : QString();
    };
    QTRY_COMPARE(deviceIdAt(0), QStringLiteral("unit9"));
    QTRY_COMPARE(deviceIdAt(1), QStringLiteral("utility"));
    QVERIFY(delegateAt(devices, 0)->isVisible());
    QVERIFY(delegateAt(devices, 1)->isVisible());
    QVERIFY(findText(delegateAt(devices, 0), QStringLiteral("unit9")));
    QVERIFY(findText(delegateAt(devices, 0), QStringLiteral("sim · 5 tag(s) · Unit 9 process")));
    QVERIFY(findText(delegateAt(devices, 1), QStringLiteral("sim · 1 tag(s)")));
    QTRY_VERIFY(findText(delegateAt(devices, 0), QStringLiteral("● Connected")));
    QTRY_VERIFY(findText(delegateAt(devices, 1), QStringLiteral("● Connected")));

    // And back to the tags.
    QQuickItem *nav0 = item(QStringLiteral("nav_0"));
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier,
                      nav0->mapToScene(QPointF(nav0->width() / 2, nav0->height() / 2)).toPoint());
    QTRY_COMPARE(pages->property("currentIndex").toInt(), 0);
    QVERIFY(tags->isVisible());
}

void TstMainQml::bannerOpensTheAlarmSummary()
{
    QQuickWindow *window = loadWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    m_pipeline->start();

    // RAMP1 ramps through its Lo and Hi limits every 3 s: alarms reach the banner and the summary
    // from the engine on the core thread.
    QTRY_VERIFY_WITH_TIMEOUT(m_pipeline->alarmBanner.total() > 0, 10'000);
    QTRY_VERIFY(m_pipeline->alarmBanner.flashing());
    QQuickItem *pages = item(QStringLiteral("pages"));
    QQuickItem *alarms = item(QStringLiteral("alarmList"));
    QVERIFY(!alarms->isVisible());
    QQuickItem *banner = item(QStringLiteral("alarmBanner"));
    QTest::mouseClick(
        window, Qt::LeftButton, Qt::NoModifier,
        banner->mapToScene(QPointF(banner->width() / 2, banner->height() / 2)).toPoint());
    QTRY_COMPARE(pages->property("currentIndex").toInt(), 3);
    QVERIFY(alarms->isVisible());
    QTRY_VERIFY(alarms->property("count").toInt() > 0);
    QTRY_VERIFY(findText(alarms, QStringLiteral("RAMP1")));
    QCOMPARE(textOf(item(QStringLiteral("nav_3"))), QStringLiteral("Alarms"));

    // The shelved list is the next entry.
    QQuickItem *nav4 = item(QStringLiteral("nav_4"));
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier,
                      nav4->mapToScene(QPointF(nav4->width() / 2, nav4->height() / 2)).toPoint());
    QTRY_COMPARE(pages->property("currentIndex").toInt(), 4);
    QVERIFY(item(QStringLiteral("shelvedList"))->isVisible());
}

void TstMainQml::kioskModeLoadsTheKeyboardPanel()
{
    // Run in-process (no input method), and again by kioskModeAsTheAppRunsIt() in a child process
    // whose QT_IM_MODULE is qtvirtualkeyboard, as app/main.cpp sets it for --kiosk.
    const bool withInputMethod = qEnvironmentVariableIsSet(kKioskChildVariable);
    QQuickWindow *window = loadWindow(true);
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->visibility(), QWindow::FullScreen);
    QVERIFY(window->flags() & Qt::FramelessWindowHint);

    // The Loader of Main.qml that brings the on-screen keyboard into the window.
    QQuickItem *loader = nullptr;
    for (QQuickItem *i : allItems(window->QQuickWindow::contentItem())) {
        if (i->property("source").toUrl().toString().endsWith(u"components/KeyboardPanel.qml"))
            loader = i;
    }
    QVERIFY(loader);
    QCOMPARE(loader->property("active").toBool(), true);
    QTRY_VERIFY(loader->property("status").toInt() != 2); // not Loading
    if (loader->property("status").toInt() != 1) {        // Ready
        QFAIL(qPrintable(
            QStringLiteral("the on-screen keyboard (QtQuick.VirtualKeyboard InputPanel) could not "
                           "be loaded, so kiosk mode has no keyboard:\n") +
            m_pipeline->qmlWarnings.join(u'\n')));
    }
    auto *panel = loader->property("item").value<QQuickItem *>();
    QVERIFY2(panel, "the kiosk keyboard Loader did not load an InputPanel");
    QStringList types; // KeyboardPanel_QMLTYPE_n -> InputPanel_QMLTYPE_m -> QQuickItem ...
    for (const QMetaObject *m = panel->metaObject(); m; m = m->superClass())
        types.append(QString::fromLatin1(m->className()));
    QVERIFY2(types.join(u' ').contains(u"InputPanel"), qPrintable(types.join(u' ')));
    // In the window's overlay, above every popup (a modal dialog blocks input to the window's
    // content), hidden below the window until a text field asks for it.
    QCOMPARE(panel->property("active").toBool(), false);
    QVERIFY2(panel->parentItem() && panel->parentItem()->inherits("QQuickOverlay"),
             "the keyboard must live in the overlay, or modal dialogs block typing on it");
    const QQuickItem *overlay = panel->parentItem();
    QCOMPARE(overlay->height(), window->height());
    QCOMPARE(panel->width(), overlay->width());
    QCOMPARE(panel->y(), overlay->height());
    m_pipeline->start();
    QTRY_VERIFY(m_pipeline->deviceModel.allHealthy());

    if (!withInputMethod)
        return;
    // With the virtual keyboard input method, focusing the filter field slides the panel up.
    window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QQuickItem *filter = item(QStringLiteral("tagFilter"));
    filter->forceActiveFocus();
    QVERIFY(filter->hasActiveFocus());
    QTRY_VERIFY2(panel->property("active").toBool(),
                 "the InputPanel did not activate for a focused text field (is the "
                 "qtvirtualkeyboard platform input context plugin installed?)");
    QTRY_COMPARE(panel->y(), overlay->height() - panel->height());
    QVERIFY(panel->height() > 0);
    // Focus elsewhere: the panel goes away again.
    item(QStringLiteral("tagList"))->forceActiveFocus();
    QTRY_VERIFY(!panel->property("active").toBool());
    QTRY_COMPARE(panel->y(), overlay->height());
}

void TstMainQml::kioskModeAsTheAppRunsIt()
{
    runWithVirtualKeyboard(kKioskChildVariable, QStringLiteral("TstMainQml"),
                           QStringLiteral("kioskModeLoadsTheKeyboardPanel"));
}

QTEST_MAIN(TstMainQml)
#include "tst_mainqml.moc"
