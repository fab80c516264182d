#include "builtindrivers.h"
#include "config/plantloader.h"
#include "devicehost.h"
#include "devicelistmodel.h"
#include "driverregistry.h"
#include "installedtranslation.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <set>

using namespace vigil;

namespace
{

const char kPlant[] = R"(
[plant]
name = "Device test plant"

[[devices]]
id = "dev_a"
driver = "sim"
description = "Device A"
period = "20ms"
seed = 3

[[devices]]
id = "dev_b"
driver = "sim"
period = "30ms"

[[devices]]
id = "dev_off"
driver = "sim"
description = "Switched off"
enabled = false

[[tags]]
id = "A1"
device = "dev_a"
address = "ramp:period=10s,lo=0,hi=100"
type = "float64"
unit = "%"
range = [0, 100]

[[tags]]
id = "A2"
device = "dev_a"
address = "constant:value=5"
type = "int16"
unit = "bar"
range = [0, 10]

[[tags]]
id = "A3"
device = "dev_a"
address = "text:value=AUTO"
type = "string"

[[tags]]
id = "B1"
device = "dev_b"
address = "square:period=2s,duty=0.5"
type = "bool"
)";

// A driver whose state and counters the test sets, for the states and errors that a healthy sim
// driver never produces. Lives on the test thread.
class ScriptedDriver final : public Driver
{
public:
    using Driver::Driver;
    void setState(DriverState state, const QString &reason) { setStatus(state, reason); }
    void addError(const QString &kind, const QString &message)
    {
        updateStatistics([&](DriverStatistics &s) {
            s.recordError(kind, message, clock().nowMs());
            ++s.requests;
            ++s.timeouts;
            s.recordRoundTrip(10.0);
            s.recordRoundTrip(30.0);
        });
    }

protected:
    void onStart() override {}
    void onStop() override {}
    void onWrite(quint64 id, quint32, const RawValue &) override { completeWrite(id, true); }
};

std::set<int> roleSet(const QList<QVariant> &dataChangedArgs)
{
    const QList<int> roles = dataChangedArgs.at(2).value<QList<int>>();
    return std::set<int>(roles.cbegin(), roles.cend());
}

const std::set<int> kStateRoles{DeviceListModel::StateRole, DeviceListModel::StateTextRole,
                                DeviceListModel::ReasonRole, DeviceListModel::SinceTextRole,
                                DeviceListModel::IsHealthyRole};

} // namespace

class TstDeviceListModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void roleNames();
    void rowsBeforeStart();
    void statesFollowTheDrivers();
    void stoppingADriverMakesItUnhealthy();
    void refreshStatisticsCopiesTheCounters();
    void statisticsRefreshThemselves();
    void reasonsAndErrorStatistics();
    void stateTextsInTheUiLanguage();
    void noDevices();

private:
    QVariant get(int row, int role) const { return m_model->data(m_model->index(row), role); }
    int rowOf(const QString &deviceId) const;

    QTemporaryDir m_dir;
    DriverRegistry m_registry;
    std::optional<PlantConfig> m_plant;
    ManualClock m_clock{QDateTime(QDate(2024, 3, 5), QTime(6, 7, 8)).toMSecsSinceEpoch()};
    std::unique_ptr<DeviceHost> m_host;
    std::unique_ptr<DeviceListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstDeviceListModel::initTestCase()
{
    registerCoreMetaTypes();
    qRegisterMetaType<DriverStatus>();
    registerBuiltinDrivers(m_registry);
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("plant.toml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPlant);
    file.close();
    PlantLoader::Result loaded = PlantLoader(m_registry, QProcessEnvironment()).load(path);
    QVERIFY2(loaded.plant, qPrintable(loaded.diagnostics.toStringList().join(u'\n')));
    m_plant = std::move(loaded.plant);
}

void TstDeviceListModel::init()
{
    m_clock.setNowMs(QDateTime(QDate(2024, 3, 5), QTime(6, 7, 8)).toMSecsSinceEpoch());
    m_host = std::make_unique<DeviceHost>(m_registry, *m_plant, m_clock);
    m_model = std::make_unique<DeviceListModel>(m_host->drivers());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TstDeviceListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_host.reset(); // stops the drivers and their threads
}

int TstDeviceListModel::rowOf(const QString &deviceId) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (get(row, DeviceListModel::DeviceIdRole).toString() == deviceId)
            return row;
    }
    return -1;
}

void TstDeviceListModel::roleNames()
{
    const QHash<int, QByteArray> names = m_model->roleNames();
    const QList<QByteArray> expected{
        "deviceId", "driver",    "description",  "state",      "stateText",
        "reason",   "sinceText", "isHealthy",    "requests",   "responses",
        "errors",   "timeouts",  "reconnects",   "messagesIn", "messagesOut",
        "rejected", "writes",    "writeErrors",  "overruns",   "rttAvgMs",
        "rttMaxMs", "lastError", "errorsByKind", "tagCount",   "warnings"};
    QCOMPARE(names.size(), expected.size());
    for (const QByteArray &name : expected)
        QVERIFY2(names.values().contains(name), name.constData());
}

void TstDeviceListModel::rowsBeforeStart()
{
    // The disabled device has no driver, so no row.
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->deviceCount(), 2);
    QCOMPARE(m_model->property("deviceCount").toInt(), 2);
    QCOMPARE(rowOf(QStringLiteral("dev_off")), -1);
    // Sim devices have no configuration warnings (MQTT's allow_insecure has one).
    QCOMPARE(get(0, DeviceListModel::WarningsRole).toString(), QString());

    const int a = rowOf(QStringLiteral("dev_a"));
    const int b = rowOf(QStringLiteral("dev_b"));
    QVERIFY(a >= 0 && b >= 0);
    QCOMPARE(get(a, Qt::DisplayRole).toString(), QStringLiteral("dev_a"));
    QCOMPARE(get(a, DeviceListModel::DriverRole).toString(), QStringLiteral("sim"));
    QCOMPARE(get(a, DeviceListModel::DescriptionRole).toString(), QStringLiteral("Device A"));
    QCOMPARE(get(b, DeviceListModel::DescriptionRole).toString(), QString());
    QCOMPARE(get(a, DeviceListModel::TagCountRole).toInt(), 3);
    QCOMPARE(get(b, DeviceListModel::TagCountRole).toInt(), 1);

    for (int row : {a, b}) {
        QCOMPARE(get(row, DeviceListModel::StateRole).toInt(), int(DriverState::Stopped));
        QCOMPARE(get(row, DeviceListModel::StateTextRole).toString(), QStringLiteral("Stopped"));
        QCOMPARE(get(row, DeviceListModel::IsHealthyRole).toBool(), false);
        QCOMPARE(get(row, DeviceListModel::ReasonRole).toString(), QString());
        QCOMPARE(get(row, DeviceListModel::SinceTextRole).toString(),
                 QStringLiteral("2024-03-05 06:07:08"));
        QCOMPARE(get(row, DeviceListModel::RequestsRole).toDouble(), 0.0);
        QCOMPARE(get(row, DeviceListModel::ErrorsByKindRole).toString(), QString());
    }
    QCOMPARE(m_model->healthyCount(), 0);
    QCOMPARE(m_model->allHealthy(), false);
    QCOMPARE(m_model->property("healthyCount").toInt(), 0);
    QCOMPARE(m_model->property("allHealthy").toBool(), false);
    QVERIFY(!m_model->data(m_model->index(2), DeviceListModel::DeviceIdRole).isValid());
}

void TstDeviceListModel::statesFollowTheDrivers()
{
    QSignalSpy summary(m_model.get(), &DeviceListModel::summaryChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_clock.setNowMs(QDateTime(QDate(2024, 3, 5), QTime(7, 0, 1)).toMSecsSinceEpoch());
    m_host->startAll();

    QTRY_COMPARE(m_model->healthyCount(), 2);
    QCOMPARE(m_model->allHealthy(), true);
    QCOMPARE(m_model->property("allHealthy").toBool(), true);
    // Stopped -> Connecting changes no health; Connecting -> Connected does, once per device.
    QCOMPARE(summary.size(), 2);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(get(row, DeviceListModel::StateRole).toInt(), int(DriverState::Connected));
        QCOMPARE(get(row, DeviceListModel::StateTextRole).toString(), QStringLiteral("Connected"));
        QCOMPARE(get(row, DeviceListModel::IsHealthyRole).toBool(), true);
        QCOMPARE(get(row, DeviceListModel::SinceTextRole).toString(),
                 QStringLiteral("2024-03-05 07:00:01"));
    }

    // Each status change was announced for its own row with the state roles:
    // Connecting and Connected for each of the two devices.
    QList<int> stateRows;
    for (const QList<QVariant> &args : changed) {
        if (roleSet(args) != kStateRoles)
            continue; // statistics refreshes
        QCOMPARE(args[0].toModelIndex().row(), args[1].toModelIndex().row());
        stateRows.append(args[0].toModelIndex().row());
    }
    std::sort(stateRows.begin(), stateRows.end());
    QCOMPARE(stateRows, (QList<int>{0, 0, 1, 1}));
}

void TstDeviceListModel::stoppingADriverMakesItUnhealthy()
{
    m_host->startAll();
    QTRY_VERIFY(m_model->allHealthy());
    QSignalSpy summary(m_model.get(), &DeviceListModel::summaryChanged);

    m_host->driver(QStringLiteral("dev_b"))->stop();
    const int b = rowOf(QStringLiteral("dev_b"));
    const int a = rowOf(QStringLiteral("dev_a"));
    QTRY_COMPARE(get(b, DeviceListModel::StateRole).toInt(), int(DriverState::Stopped));
    QCOMPARE(get(b, DeviceListModel::StateTextRole).toString(), QStringLiteral("Stopped"));
    QCOMPARE(get(b, DeviceListModel::IsHealthyRole).toBool(), false);
    QCOMPARE(get(a, DeviceListModel::IsHealthyRole).toBool(), true);
    QCOMPARE(m_model->healthyCount(), 1);
    QCOMPARE(m_model->allHealthy(), false);
    QCOMPARE(summary.size(), 1);

    // Started again: healthy again.
    m_host->driver(QStringLiteral("dev_b"))->start();
    QTRY_COMPARE(m_model->healthyCount(), 2);
    QCOMPARE(m_model->allHealthy(), true);
    QCOMPARE(summary.size(), 2);
}

void TstDeviceListModel::refreshStatisticsCopiesTheCounters()
{
    m_host->startAll();
    for (Driver *d : m_host->drivers())
        QTRY_VERIFY(d->statistics().requests >= 3);
    m_host->stopAll(); // freeze the counters
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->refreshStatistics();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex().row(), 0);
    QCOMPARE(changed[0][1].toModelIndex().row(), 1);
    std::set<int> statRoles;
    for (int role = DeviceListModel::RequestsRole; role <= DeviceListModel::ErrorsByKindRole;
         ++role)
        statRoles.insert(role);
    QVERIFY(roleSet(changed[0]) == statRoles);

    for (Driver *d : m_host->drivers()) {
        const int row = rowOf(d->deviceId());
        const DriverStatistics s = d->statistics();
        QVERIFY(s.requests >= 3);
        QCOMPARE(get(row, DeviceListModel::RequestsRole).toDouble(), double(s.requests));
        QCOMPARE(get(row, DeviceListModel::ResponsesRole).toDouble(), double(s.responses));
        // The sim driver delivers every tag of the device on each tick.
        QCOMPARE(get(row, DeviceListModel::MessagesInRole).toDouble(),
                 double(s.requests * d->tagIndices().size()));
        QCOMPARE(get(row, DeviceListModel::ErrorsRole).toDouble(), 0.0);
        QCOMPARE(get(row, DeviceListModel::LastErrorRole).toString(), QString());
        QCOMPARE(get(row, DeviceListModel::ErrorsByKindRole).toString(), QString());
    }
}

void TstDeviceListModel::statisticsRefreshThemselves()
{
    // Nobody calls refreshStatistics(): the model's own timer does (once a second).
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_host->startAll();
    const int a = rowOf(QStringLiteral("dev_a"));
    QTRY_VERIFY(get(a, DeviceListModel::RequestsRole).toDouble() > 0);
    QTRY_VERIFY(get(rowOf(QStringLiteral("dev_b")), DeviceListModel::RequestsRole).toDouble() > 0);
    bool sawStatistics = false;
    for (const QList<QVariant> &args : changed)
        sawStatistics = sawStatistics || roleSet(args).count(DeviceListModel::RequestsRole);
    QVERIFY(sawStatistics);
}

void TstDeviceListModel::reasonsAndErrorStatistics()
{
    DeviceConfig device;
    device.id = QStringLiteral("plc9");
    device.driver = QStringLiteral("scripted");
    device.description = QStringLiteral("Scripted");
    DriverContext context{device, m_plant->tags, {}, &m_clock};
    ScriptedDriver scripted(context);

    DeviceListModel model({&scripted});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy summary(&model, &DeviceListModel::summaryChanged);
    auto at = [&](int role) { return model.data(model.index(0), role); };

    QCOMPARE(at(DeviceListModel::TagCountRole).toInt(), 0);
    scripted.setState(DriverState::Connected, QString());
    QCOMPARE(summary.size(), 1);
    QCOMPARE(model.allHealthy(), true);

    scripted.setState(DriverState::Degraded, QStringLiteral("block 2 times out"));
    QCOMPARE(summary.size(), 2);
    QCOMPARE(at(DeviceListModel::StateTextRole).toString(), QStringLiteral("Degraded"));
    QCOMPARE(at(DeviceListModel::ReasonRole).toString(), QStringLiteral("block 2 times out"));
    QCOMPARE(at(DeviceListModel::IsHealthyRole).toBool(), false); // degraded is not healthy
    QCOMPARE(model.healthyCount(), 0);

    scripted.setState(DriverState::Disconnected, QStringLiteral("connection refused"));
    QCOMPARE(summary.size(), 2); // still unhealthy: no summary change
    QCOMPARE(at(DeviceListModel::StateRole).toInt(), int(DriverState::Disconnected));
    QCOMPARE(at(DeviceListModel::ReasonRole).toString(), QStringLiteral("connection refused"));
    // The Devices page never shows a password a reason quotes.
    scripted.setState(DriverState::Disconnected,
                      QStringLiteral("cannot connect to mqtts://panel:hunter2@broker:8883"));
    QCOMPARE(at(DeviceListModel::ReasonRole).toString(),
             QStringLiteral("cannot connect to mqtts://panel:***@broker:8883"));

    scripted.addError(QStringLiteral("timeout"), QStringLiteral("no answer in 1000 ms"));
    scripted.addError(QStringLiteral("crc"), QStringLiteral("bad CRC"));
    scripted.addError(QStringLiteral("crc"), QStringLiteral("bad CRC again"));
    QCOMPARE(at(DeviceListModel::ErrorsRole).toDouble(), 0.0); // not refreshed yet
    model.refreshStatistics();
    QCOMPARE(at(DeviceListModel::ErrorsRole).toDouble(), 3.0);
    QCOMPARE(at(DeviceListModel::RequestsRole).toDouble(), 3.0);
    QCOMPARE(at(DeviceListModel::TimeoutsRole).toDouble(), 3.0);
    QCOMPARE(at(DeviceListModel::LastErrorRole).toString(), QStringLiteral("bad CRC again"));
    QCOMPARE(at(DeviceListModel::ErrorsByKindRole).toString(),
             QStringLiteral("crc: 2, timeout: 1"));
    QCOMPARE(at(DeviceListModel::RttAvgRole).toDouble(), 20.0);
    QCOMPARE(at(DeviceListModel::RttMaxRole).toDouble(), 30.0);
}

void TstDeviceListModel::stateTextsInTheUiLanguage()
{
    // The operator reads the state in the language of the UI, not core's English name.
    const InstalledTranslation zh(QStringLiteral(VIGIL_ZH_CN_QM));
    QVERIFY2(zh.ok(), qPrintable(zh.error()));
    DeviceConfig device;
    device.id = QStringLiteral("plc9");
    device.driver = QStringLiteral("scripted");
    DriverContext context{device, m_plant->tags, {}, &m_clock};
    ScriptedDriver scripted(context);
    DeviceListModel model({&scripted});
    const std::pair<DriverState, QString> expected[] = {
        {DriverState::Stopped, QStringLiteral("已停止")},
        {DriverState::Connecting, QStringLiteral("连接中")},
        {DriverState::Connected, QStringLiteral("已连接")},
        {DriverState::Degraded, QStringLiteral("部分故障")},
        {DriverState::Disconnected, QStringLiteral("已断开")},
    };
    for (const auto &[state, text] : expected) {
        scripted.setState(state, QString());
        QCOMPARE(model.data(model.index(0), DeviceListModel::StateTextRole).toString(), text);
    }
}

void TstDeviceListModel::noDevices()
{
    DeviceListModel model(std::vector<Driver *>{});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.deviceCount(), 0);
    QCOMPARE(model.healthyCount(), 0);
    model.refreshStatistics();
    QCOMPARE(changed.size(), 0);
}

QTEST_GUILESS_MAIN(TstDeviceListModel)
#include "tst_devicelistmodel.moc"
