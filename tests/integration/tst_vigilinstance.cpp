// The real vigil binary as systemd and operators run it: one instance per data directory (a
// second refuses naming the holder's PID and host, a killed one's lock is taken over, the
// read-only commands still work beside it), SIGTERM/SIGINT/SIGHUP stop it like closing the
// window (exit 0, history flushed, nothing to recover at the next start), and its data directory
// and database files are private whatever the umask.

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>
#include <sys/types.h>

class TstVigilInstance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void secondInstanceRefusesNamingPidAndHost();
    void lockOfAKilledInstanceIsTakenOver();
    void stopSignalsStopCleanly_data();
    void stopSignalsStopCleanly();
    void dataFilesArePrivate();

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
    };
    QProcessEnvironment environment(const QString &dataDir) const;
    // Starts the HMI and waits until its historian records (false: it did not, see its stderr).
    bool start(QProcess &vigil, const QString &dataDir, QString *err);
    Run run(const QStringList &arguments, const QString &dataDir);
    // The CSV rows of the LEVEL tag exported by `vigil export history`.
    QStringList exportRows(const QString &dataDir);
    bool stop(QProcess &vigil, int signalNumber);
    static int mode(const QString &path);

    QTemporaryDir m_dir;
    QString m_plant;
};

void TstVigilInstance::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(VIGIL_BINARY)), "the vigil binary is not built");
    QVERIFY(m_dir.isValid());
    m_plant = m_dir.filePath(QStringLiteral("plant.toml"));
    QFile plant(m_plant);
    QVERIFY(plant.open(QIODevice::WriteOnly));
    plant.write(R"([plant]
name = "Instance test"
[[devices]]
id = "d"
driver = "sim"
period = "50ms"
[[tags]]
id = "LEVEL"
device = "d"
address = "ramp:period=10s,lo=0,hi=100"
type = "float64"
unit = "%"
range = [0, 100]
)");
}

QProcessEnvironment TstVigilInstance::environment(const QString &dataDir) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"VIGIL_"))
            env.remove(name);
    }
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    env.insert(QStringLiteral("VIGIL_DATA_DIR"), dataDir);
    return env;
}

bool TstVigilInstance::start(QProcess &vigil, const QString &dataDir, QString *err)
{
    vigil.setProcessEnvironment(environment(dataDir));
    // A permissive umask, as a shell gives: Vigil's files must be private all the same.
    vigil.setChildProcessModifier([] { ::umask(022); });
    // --exit-after only bounds a test that fails to stop it.
    vigil.start(QStringLiteral(VIGIL_BINARY),
                {QStringLiteral("--config"), m_plant, QStringLiteral("--exit-after"),
                 QStringLiteral("120")});
    if (!vigil.waitForStarted(10'000))
        return false;
    const bool recording = QTest::qWaitFor(
        [&] {
            *err += QString::fromUtf8(vigil.readAllStandardError());
            return err->contains(u"recording 1 tags") || vigil.state() == QProcess::NotRunning;
        },
        30'000);
    return recording && vigil.state() == QProcess::Running;
}

TstVigilInstance::Run TstVigilInstance::run(const QStringList &arguments, const QString &dataDir)
{
    QProcess p;
    p.setProcessEnvironment(environment(dataDir));
    p.start(QStringLiteral(VIGIL_BINARY), arguments);
    Run r;
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished(5'000);
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList TstVigilInstance::exportRows(const QString &dataDir)
{
    const QString csv = QDir(dataDir).filePath(QStringLiteral("level.csv"));
    QFile::remove(csv);
    const Run r = run({QStringLiteral("export"), QStringLiteral("history"),
                       QStringLiteral("--config"), m_plant, QStringLiteral("--tags"),
                       QStringLiteral("LEVEL"), QStringLiteral("--from"), QStringLiteral("-1h"),
                       QStringLiteral("--to"), QStringLiteral("+1h"), QStringLiteral("--out"), csv},
                      dataDir);
    if (r.code != 0) {
        qWarning("export failed (%d): %s", r.code, qPrintable(r.err));
        return {};
    }
    QFile f(csv);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts).mid(1);
}

bool TstVigilInstance::stop(QProcess &vigil, int signalNumber)
{
    ::kill(pid_t(vigil.processId()), signalNumber);
    return vigil.waitForFinished(30'000);
}

int TstVigilInstance::mode(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

void TstVigilInstance::secondInstanceRefusesNamingPidAndHost()
{
    const QString data = m_dir.filePath(QStringLiteral("two"));
    QProcess first;
    QString firstErr;
    QVERIFY2(start(first, data, &firstErr), qPrintable(firstErr));

    const Run second = run({QStringLiteral("--config"), m_plant}, data);
    QVERIFY2(second.code > 0, qPrintable(second.err));
    QVERIFY2(second.err.contains(QStringLiteral("PID %1").arg(first.processId())),
             qPrintable(second.err));
    QVERIFY2(second.err.contains(QSysInfo::machineHostName()), qPrintable(second.err));
    QVERIFY2(!second.err.contains(u"recover"), qPrintable(second.err));

    // Reading commands work beside the running instance.
    const Run check = run({QStringLiteral("--check-config"), m_plant}, data);
    QVERIFY2(check.code == 0, qPrintable(check.err));
    QVERIFY(QTest::qWaitFor([&] { return !exportRows(data).isEmpty(); }, 20'000));

    QVERIFY(stop(first, SIGTERM));
    QCOMPARE(first.exitStatus(), QProcess::NormalExit);
    firstErr += QString::fromUtf8(first.readAllStandardError());
    QVERIFY2(!firstErr.contains(u"UNIQUE"), qPrintable(firstErr));
}

void TstVigilInstance::lockOfAKilledInstanceIsTakenOver()
{
    const QString data = m_dir.filePath(QStringLiteral("killed"));
    QProcess first;
    QString err;
    QVERIFY2(start(first, data, &err), qPrintable(err));
    first.kill(); // SIGKILL: no chance to remove its lock
    QVERIFY(first.waitForFinished(10'000));
    QVERIFY(QFile::exists(QDir(data).filePath(QStringLiteral("vigil.lock"))));

    QProcess next;
    QString nextErr;
    QVERIFY2(start(next, data, &nextErr), qPrintable(nextErr));
    QVERIFY(stop(next, SIGTERM));
    QCOMPARE(next.exitStatus(), QProcess::NormalExit);
    QCOMPARE(next.exitCode(), 0);
}

void TstVigilInstance::stopSignalsStopCleanly_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TstVigilInstance::stopSignalsStopCleanly()
{
    QFETCH(int, signalNumber);
    const QString data = m_dir.filePath(QStringLiteral("signal-%1").arg(signalNumber));
    QProcess vigil;
    QString err;
    QVERIFY2(start(vigil, data, &err), qPrintable(err));
    // Let it record for a while: the journal then holds open chunks.
    QVERIFY(QTest::qWaitFor([&] { return exportRows(data).size() >= 10; }, 20'000));

    const qint64 stoppedAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(stop(vigil, signalNumber));
    err += QString::fromUtf8(vigil.readAllStandardError());
    QVERIFY2(vigil.exitStatus() == QProcess::NormalExit, qPrintable(err));
    QVERIFY2(vigil.exitCode() == 0, qPrintable(err));

    // Samples up to the stop are stored (the sim driver delivers every 50 ms).
    const QStringList rows = exportRows(data);
    QVERIFY(!rows.isEmpty());
    const QDateTime last =
        QDateTime::fromString(rows.last().section(u',', 0, 0), Qt::ISODateWithMs);
    QVERIFY2(last.isValid(), qPrintable(rows.last()));
    QVERIFY2(last.toMSecsSinceEpoch() >= stoppedAt - 500,
             qPrintable(QStringLiteral("last sample %1, stopped at %2")
                            .arg(last.toString(Qt::ISODateWithMs),
                                 QDateTime::fromMSecsSinceEpoch(stoppedAt, Qt::UTC)
                                     .toString(Qt::ISODateWithMs))));

    // The next start finds nothing to recover.
    QProcess next;
    QString nextErr;
    QVERIFY2(start(next, data, &nextErr), qPrintable(nextErr));
    QVERIFY(stop(next, SIGTERM));
    nextErr += QString::fromUtf8(next.readAllStandardError());
    QVERIFY2(!nextErr.contains(u"unclean stop"), qPrintable(nextErr));
    QVERIFY2(!nextErr.contains(u"historian.recovered"), qPrintable(nextErr));
}

void TstVigilInstance::dataFilesArePrivate()
{
    const QString data = m_dir.filePath(QStringLiteral("private/data"));
    QProcess vigil;
    QString err;
    QVERIFY2(start(vigil, data, &err), qPrintable(err));
    const QDir dir(data);
    QCOMPARE(mode(data), 0700);
    QCOMPARE(mode(QFileInfo(data).path()), 0700); // created parents too
    QCOMPARE(mode(dir.filePath(QStringLiteral("history.db"))), 0600);
    for (const QString &name : {QStringLiteral("history.db-wal"), QStringLiteral("history.db-shm"),
                                QStringLiteral("vigil.lock")}) {
        if (QFile::exists(dir.filePath(name)))
            QVERIFY2(mode(dir.filePath(name)) == 0600, qPrintable(name));
    }
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("history.db-wal")))); // checked while open
    QVERIFY(stop(vigil, SIGTERM));
    QCOMPARE(mode(dir.filePath(QStringLiteral("history.db"))), 0600);
}

QTEST_GUILESS_MAIN(TstVigilInstance)
#include "tst_vigilinstance.moc"
