// `vigil --check-config FILE` and `vigil --config FILE` run as real processes: a valid plant
// passes, every mistake of a broken plant is printed as file:line:column on stderr, and the
// program refuses to start on an invalid plant. Broken plants live in tests/data/broken.

#include <QtTest>

namespace
{

const QString kData = QStringLiteral(VIGIL_TEST_DATA_DIR);

struct Run {
    int exitCode = -1;
    QString out;
    QStringList errLines;
};

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The outcome must not depend on the settings of whoever runs the test.
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"VIGIL_"))
            env.remove(name);
    }
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

Run runVigil(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(cleanEnvironment());
    process.start(QStringLiteral(VIGIL_EXECUTABLE), arguments);
    Run run;
    if (!process.waitForStarted(10'000)) {
        qWarning("cannot start %s: %s", VIGIL_EXECUTABLE, qPrintable(process.errorString()));
        return run;
    }
    if (!process.waitForFinished(60'000)) {
        qWarning("vigil %s did not finish", qPrintable(arguments.join(u' ')));
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.errLines =
        QString::fromUtf8(process.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
    return run;
}

// "path:line:column" of the first occurrence of needle in a fixture file.
QString at(const QString &path, const QString &needle)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("<cannot read %1>").arg(path);
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype index = text.indexOf(needle);
    if (index < 0)
        return QStringLiteral("<'%1' not in %2>").arg(needle, path);
    const qsizetype lineStart = text.lastIndexOf(u'\n', index - 1) + 1;
    const qsizetype line = text.left(index).count(u'\n') + 1;
    return QStringLiteral("%1:%2:%3").arg(path).arg(line).arg(index - lineStart + 1);
}

} // namespace

class TstCheckConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoPlantIsOk();
    void warningsAreShownButThePlantIsOk();
    void brokenPlantsPrintEveryErrorAndExitOne_data();
    void brokenPlantsPrintEveryErrorAndExitOne();
    void missingFileExitsOneWithAClearMessage();
    void symlinkLoopIsNamed();
    void thousandsOfProblemsPrintTheFirstHundredAndASummary();
    void refusesToStartWithABrokenPlant();
    void badCommandLineExitsTwo();
    void brokerUrlWithCredentialsIsRefused();
};

void TstCheckConfig::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(VIGIL_EXECUTABLE)).isExecutable(), VIGIL_EXECUTABLE);
    QVERIFY2(QFileInfo::exists(kData + QStringLiteral("/broken")), qPrintable(kData));
}

void TstCheckConfig::demoPlantIsOk()
{
    const QString path = QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml");
    const Run run = runVigil({QStringLiteral("--check-config"), path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errLines.join(u'\n')));
    QVERIFY2(run.out.startsWith(path + QStringLiteral(": OK: plant '")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral(" 0 warning(s)")), qPrintable(run.out));
    QCOMPARE(run.errLines, QStringList());
}

void TstCheckConfig::warningsAreShownButThePlantIsOk()
{
    const QString path = kData + QStringLiteral("/warnings/limit_outside_range.toml");
    const Run run = runVigil({QStringLiteral("--check-config"), path});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, path + QStringLiteral(": OK: plant 'Warning only', 1 device(s), 1 tag(s), "
                                            "1 warning(s)\n"));
    QCOMPARE(run.errLines,
             QStringList{at(path, QStringLiteral("12, priority")) +
                         QStringLiteral(": warning: tag 'PT101': hi limit 12 lies outside the "
                                        "display range [0, 10]")});
}

void TstCheckConfig::brokenPlantsPrintEveryErrorAndExitOne_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("expected");

    const QString tags = kData + QStringLiteral("/broken/tag_errors.toml");
    QTest::newRow("tag errors")
        << tags
        << QStringList{at(tags, QStringLiteral("\"unit9\"")) +
                           QStringLiteral(": tag 'TT101': unknown device 'unit9' (devices: unit1)"),
                       at(tags, QStringLiteral("[10, 0]")) +
                           QStringLiteral(": tag 'PT101': 'range' low (10) must be below high (0)"),
                       at(tags, QStringLiteral("deadbnd")) +
                           QStringLiteral(": tag 'FT101': unknown key 'deadbnd' (did you mean "
                                          "'deadband'?)"),
                       tags + QStringLiteral(": 3 error(s), 0 warning(s): the plant is not valid")};

    const QString syntax = kData + QStringLiteral("/broken/syntax.toml");
    QTest::newRow("syntax error")
        << syntax
        << QStringList{at(syntax, QStringLiteral("eu = [0, 100] }")) +
                           QStringLiteral(": TOML syntax error in inline table: expected comma "
                                          "or closing '}', saw 'e'"),
                       syntax + QStringLiteral(": 1 error(s), 0 warning(s): the plant is not "
                                               "valid")};

    const QString csvPlant = kData + QStringLiteral("/broken/csv_errors.toml");
    const QString csv = kData + QStringLiteral("/broken/csv_errors.csv");
    QTest::newRow("tag list errors")
        << csvPlant
        << QStringList{at(csv, QStringLiteral("TT201,")) +
                           QStringLiteral(": tag list row 2: row has 5 columns, the header has 7"),
                       at(csv, QStringLiteral("ten")) +
                           QStringLiteral(": tag 'FT201': 'range_hi' must be a number, got "
                                          "\"ten\""),
                       csvPlant + QStringLiteral(": 2 error(s), 0 warning(s): the plant is not "
                                                 "valid")};
}

void TstCheckConfig::brokenPlantsPrintEveryErrorAndExitOne()
{
    QFETCH(QString, path);
    QFETCH(QStringList, expected);
    const Run run = runVigil({QStringLiteral("--check-config"), path});
    QCOMPARE(run.errLines, expected);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
}

void TstCheckConfig::missingFileExitsOneWithAClearMessage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no-such-plant.toml"));
    const Run run = runVigil({QStringLiteral("--check-config"), path});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(
        run.errLines,
        QStringList({path + QStringLiteral(": cannot read the file: No such file or directory"),
                     path + QStringLiteral(": 1 error(s), 0 warning(s): the plant is not "
                                           "valid")}));
    QCOMPARE(run.out, QString());
}

void TstCheckConfig::symlinkLoopIsNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("plant.toml"));
    QVERIFY(QFile::link(path, path));
    const Run run = runVigil({QStringLiteral("--check-config"), path});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines,
             QStringList({path +
                              QStringLiteral(": cannot read the file: it is a symbolic link "
                                             "loop (") +
                              path + QStringLiteral(" -> ") + path + QStringLiteral(")"),
                          path + QStringLiteral(": 1 error(s), 0 warning(s): the plant is not "
                                                "valid")}));
}

void TstCheckConfig::thousandsOfProblemsPrintTheFirstHundredAndASummary()
{
    // A tag list of 10,000 rows, each with the wrong number of cells.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString plant = dir.filePath(QStringLiteral("plant.toml"));
    const QString csv = dir.filePath(QStringLiteral("tags.csv"));
    QFile plantFile(plant);
    QVERIFY(plantFile.open(QIODevice::WriteOnly));
    plantFile.write("[plant]\nname = \"Big\"\n\n[[devices]]\nid = \"dev1\"\ndriver = \"sim\"\n\n"
                    "[[tag_lists]]\nfile = \"tags.csv\"\ndevice = \"dev1\"\n");
    plantFile.close();
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::WriteOnly));
    csvFile.write("id,address,type,unit,range_lo,range_hi\n");
    for (int i = 1; i <= 10'000; ++i)
        csvFile.write("TT" + QByteArray::number(i) + ",\"sine:period=60s\",float64\n");
    csvFile.close();

    const Run run = runVigil({QStringLiteral("--check-config"), plant});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines.size(), 100 + 3);
    QCOMPARE(run.errLines.first(),
             csv + QStringLiteral(":2:1: tag list row 1: row has 3 columns, the header has 6"));
    QCOMPARE(run.errLines.at(99),
             csv + QStringLiteral(":101:1: tag list row 100: row has 3 columns, the header has 6"));
    QCOMPARE(run.errLines.mid(100),
             QStringList({QStringLiteral("... and 9900 more problem(s) not listed one by one (only "
                                         "the first 100 are), by kind:"),
                          QStringLiteral("  9900 error(s) like ") + csv +
                              QStringLiteral(":102:1: tag list row 101: row has 3 columns, the "
                                             "header has 6"),
                          plant + QStringLiteral(": 10000 error(s), 0 warning(s): the plant is not "
                                                 "valid")}));
}

void TstCheckConfig::refusesToStartWithABrokenPlant()
{
    const QString path = kData + QStringLiteral("/broken/tag_errors.toml");
    const Run run = runVigil({QStringLiteral("--config"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.errLines.isEmpty(), "nothing on stderr");
    QCOMPARE(run.errLines.last(), QStringLiteral("vigil: refusing to start: ") + path +
                                      QStringLiteral(" has 3 error(s)"));
    // Every problem is shown before refusing, with its location.
    QVERIFY(run.errLines.contains(at(path, QStringLiteral("\"unit9\"")) +
                                  QStringLiteral(": tag 'TT101': unknown device 'unit9' (devices: "
                                                 "unit1)")));
    QVERIFY(run.errLines.contains(at(path, QStringLiteral("deadbnd")) +
                                  QStringLiteral(": tag 'FT101': unknown key 'deadbnd' (did you "
                                                 "mean 'deadband'?)")));
}

void TstCheckConfig::badCommandLineExitsTwo()
{
    const Run run = runVigil({QStringLiteral("--check-config"), QStringLiteral("a.toml"),
                              QStringLiteral("--config"), QStringLiteral("b.toml")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.errLines.isEmpty());
    QCOMPARE(run.errLines.first(),
             QStringLiteral("vigil: give either --config or --check-config, not both"));
}

// A deployment broker_url with user info used to pass, and the MQTT driver then retried host ""
// forever without a word. It is refused, and the password is not printed.
void TstCheckConfig::brokerUrlWithCredentialsIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("plant.toml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[plant]\nname = \"Broker\"\n\n[settings]\n"
               "broker_url = \"mqtt://op:s3cret@127.0.0.1:1883\"\n\n"
               "[[devices]]\nid = \"mq\"\ndriver = \"mqtt\"\n\n"
               "[[tags]]\nid = \"T1\"\ndevice = \"mq\"\naddress = \"plant/t\"\n"
               "type = \"float64\"\nunit = \"u\"\nrange = [0, 1]\n");
    file.close();
    const Run run = runVigil({QStringLiteral("--check-config"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLines.contains(at(path, QStringLiteral("\"mqtt://op")) +
                                   QStringLiteral(": settings: broker URL mqtt://127.0.0.1:1883 "
                                                  "must not contain a user name or password: "
                                                  "set username and password_file (or "
                                                  "password_env) on the device")),
             qPrintable(run.errLines.join(u'\n')));
    QVERIFY2(!run.errLines.join(u'\n').contains(u"s3cret"), qPrintable(run.errLines.join(u'\n')));
}

QTEST_GUILESS_MAIN(TstCheckConfig)
#include "tst_checkconfig.moc"
