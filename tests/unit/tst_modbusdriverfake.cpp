// ModbusDriver over the in-process fake transport: writes at the limit of a 64-bit type are
// refused before anything is sent, a float register holding NaN turns its tag Bad/NonFinite and
// is counted, and an exception on one unit's request leaves the other unit's tags good.

#include "fakemodbustransport.h"
#include "modbus/modbusdriver.h"
#include "modbustesting.h"

#include <QThread>

using namespace vigil;
using namespace vigil::testing;
using Fault = FakeModbusDevice::Fault;

class TstModbusDriverFake : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void int64WriteAtTheLimitIsRefusedBeforeSending();
    void nonFiniteFloatIsBadAndCounted();
    void exceptionTurnsOnlyItsUnitBad();

private:
    quint32 tag(const char *id) const { return *m_plant.tags->indexOf(QString::fromLatin1(id)); }

    QTemporaryDir m_dir;
    DriverRegistry m_registry;
    PlantConfig m_plant;
    ManualClock m_fakeTime;
    SystemClock m_clock;
    std::shared_ptr<FakeModbusDevice> m_device;
    std::unique_ptr<ModbusDriver> m_driver;
    QThread m_thread;
    std::unique_ptr<SampleSink> m_sink;
};

void TstModbusDriverFake::init()
{
    registerCoreMetaTypes();
    qRegisterMetaType<DriverStatus>();
    if (m_registry.factory(QStringLiteral("modbus")) == nullptr)
        registerBuiltinDrivers(m_registry);
    const QString path = m_dir.filePath(QStringLiteral("plant.toml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"(
tags = [
  { id = "BIG", device = "plc", address = "hr0", type = "int64", unit = "-", range = [-9223372036854775808, 9223372036854775807], writable = true, write_limits = [-9223372036854775808, 9223372036854775807] },
  { id = "TT", device = "plc", address = "hr10", type = "float32", unit = "-", range = [0, 120] },
  { id = "U2", device = "plc", address = "hr20", type = "uint16", unit = "-", range = [0, 100], options = { unit = 2 } },
]
[plant]
name = "fake"
[[devices]]
id = "plc"
driver = "modbus"
transport = "tcp"
host = "127.0.0.1"
port = 1
retries = 0
scan = "50ms"
)");
    f.close();
    PlantLoader::Result result = PlantLoader(m_registry).load(path);
    QVERIFY2(result.plant, qPrintable(result.diagnostics.toStringList().join(u'\n')));
    m_plant = std::move(*result.plant);
    m_device = std::make_shared<FakeModbusDevice>(m_fakeTime);
    DriverContext context{*m_plant.device(QStringLiteral("plc")), m_plant.tags,
                          m_plant.tags->tagsOfDevice(QStringLiteral("plc")), &m_clock,
                          m_plant.settings};
    m_driver = std::make_unique<ModbusDriver>(
        std::move(context), [device = m_device](const ModbusSettings &) {
            return std::make_unique<FakeModbusTransport>(device);
        });
    m_sink = std::make_unique<SampleSink>();
    m_sink->attach(m_driver.get());
    m_driver->moveToThread(&m_thread);
    m_thread.start();
    m_driver->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->good(tag("U2")), 5000);
}

void TstModbusDriverFake::cleanup()
{
    if (m_driver)
        m_driver->stop();
    m_thread.quit();
    m_thread.wait();
    m_driver.reset();
}

void TstModbusDriverFake::int64WriteAtTheLimitIsRefusedBeforeSending()
{
    // 9223372036854775807 is 2^63 as a double: one past the largest int64.
    QFuture<WriteResult> refused =
        m_driver->write(WriteRequest{tag("BIG"), QVariant(9223372036854775807.0)});
    QTRY_VERIFY_WITH_TIMEOUT(refused.isFinished(), 3000);
    QVERIFY(!refused.result().ok);
    QVERIFY2(refused.result().error.contains("int64"), qPrintable(refused.result().error));
    QCOMPARE(m_device->writes(), 0);

    QFuture<WriteResult> sent =
        m_driver->write(WriteRequest{tag("BIG"), QVariant(-9223372036854775808.0)});
    QTRY_VERIFY_WITH_TIMEOUT(sent.isFinished(), 3000);
    QVERIFY2(sent.result().ok, qPrintable(sent.result().error));
    QCOMPARE(m_device->holding(0), uint16_t(0x8000));
    QCOMPARE(m_device->writes(), 1);
}

void TstModbusDriverFake::nonFiniteFloatIsBadAndCounted()
{
    m_device->setRegister(10, 0x7F80); // +infinity
    QTRY_COMPARE_WITH_TIMEOUT(m_sink->quality(tag("TT")), Quality::NonFinite, 3000);
    const DriverStatistics s = m_driver->statistics();
    QVERIFY(s.errorsByKind.value("non-finite value") >= 1);
    QVERIFY2(s.lastError.contains("'TT'") && s.lastError.contains("hr10"), qPrintable(s.lastError));
    m_device->setRegister(10, 0x4120); // 10.0f
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->good(tag("TT")), 3000);
    QCOMPARE(m_sink->value(tag("TT")), 10.0);
}

void TstModbusDriverFake::exceptionTurnsOnlyItsUnitBad()
{
    m_device->setUnitFault(2, Fault::Exception, 11);
    QTRY_COMPARE_WITH_TIMEOUT(m_sink->quality(tag("U2")), Quality::CommError, 3000);
    QVERIFY(m_driver->statistics().errorsByKind.value("exception 11") >= 1);
    QCOMPARE(m_driver->status().state, DriverState::Degraded);
    QVERIFY(m_sink->good(tag("TT")));
    m_device->setUnitFault(2, Fault::None);
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->good(tag("U2")), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, DriverState::Connected, 3000);
}

QTEST_GUILESS_MAIN(TstModbusDriverFake)
#include "tst_modbusdriverfake.moc"
