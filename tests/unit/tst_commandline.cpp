// CommandLine: the options of the vigil executable, parsed before any application object exists.

#include "commandline.h"

#include <QtTest>

using vigil::CommandLine;

namespace
{

QStringList args(std::initializer_list<QString> rest)
{
    QStringList out{QStringLiteral("vigil")};
    out.append(rest);
    return out;
}

} // namespace

class TstCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void noArgumentsGiveTheDefaults();
    void readsEveryOption_data();
    void readsEveryOption();
    void rejectsBadCommandLines_data();
    void rejectsBadCommandLines();
    void helpTextNamesTheProgramAndItsOptions();
};

void TstCommandLine::noArgumentsGiveTheDefaults()
{
    CommandLine cli;
    QVERIFY2(cli.parse(args({})), qPrintable(cli.error()));
    QCOMPARE(cli.error(), QString());
    QVERIFY(!cli.help);
    QVERIFY(!cli.version);
    QVERIFY(!cli.kiosk);
    QCOMPARE(cli.configPath, QString());
    QCOMPARE(cli.checkConfigPath, QString());
    QCOMPARE(cli.language, QString());
    QCOMPARE(cli.exitAfterSeconds, 0);
}

void TstCommandLine::readsEveryOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("checkConfig");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("exitAfter");
    QTest::addColumn<bool>("kiosk");
    QTest::addColumn<bool>("help");
    QTest::addColumn<bool>("version");

    QTest::newRow("--config") << args({"--config", "/etc/vigil/plant.toml"})
                              << "/etc/vigil/plant.toml"
                              << ""
                              << "" << 0 << false << false << false;
    QTest::newRow("-c") << args({"-c", "plant.toml"}) << "plant.toml"
                        << ""
                        << "" << 0 << false << false << false;
    QTest::newRow("--config=") << args({"--config=site/plant.toml"}) << "site/plant.toml"
                               << ""
                               << "" << 0 << false << false << false;
    QTest::newRow("single dash long option") << args({"-config", "plant.toml"}) << "plant.toml"
                                             << ""
                                             << "" << 0 << false << false << false;
    QTest::newRow("--check-config") << args({"--check-config", "plant.toml"}) << ""
                                    << "plant.toml"
                                    << "" << 0 << false << false << false;
    QTest::newRow("kiosk panel") << args({"--kiosk", "--lang", "zh_CN", "-c", "p.toml"}) << "p.toml"
                                 << ""
                                 << "zh_CN" << 0 << true << false << false;
    QTest::newRow("smoke test") << args({"--exit-after", "5", "--config", "p.toml"}) << "p.toml"
                                << ""
                                << "" << 5 << false << false << false;
    QTest::newRow("--help") << args({"--help"}) << ""
                            << ""
                            << "" << 0 << false << true << false;
    QTest::newRow("-h") << args({"-h"}) << ""
                        << ""
                        << "" << 0 << false << true << false;
    QTest::newRow("--version") << args({"--version"}) << ""
                               << ""
                               << "" << 0 << false << false << true;
    QTest::newRow("-v") << args({"-v"}) << ""
                        << ""
                        << "" << 0 << false << false << true;
}

void TstCommandLine::readsEveryOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, config);
    QFETCH(QString, checkConfig);
    QFETCH(QString, language);
    QFETCH(int, exitAfter);
    QFETCH(bool, kiosk);
    QFETCH(bool, help);
    QFETCH(bool, version);

    CommandLine cli;
    QVERIFY2(cli.parse(arguments), qPrintable(cli.error()));
    QCOMPARE(cli.error(), QString());
    QCOMPARE(cli.configPath, config);
    QCOMPARE(cli.checkConfigPath, checkConfig);
    QCOMPARE(cli.language, language);
    QCOMPARE(cli.exitAfterSeconds, exitAfter);
    QCOMPARE(cli.kiosk, kiosk);
    QCOMPARE(cli.help, help);
    QCOMPARE(cli.version, version);
}

void TstCommandLine::rejectsBadCommandLines_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");

    const QString exitAfter = QStringLiteral("--exit-after takes a positive number of seconds");

    QTest::newRow("unknown option") << args({"--frobnicate"}) << "Unknown option 'frobnicate'.";
    QTest::newRow("unknown short option") << args({"-x"}) << "Unknown option 'x'.";
    QTest::newRow("positional argument")
        << args({"plant.toml"}) << "unexpected argument 'plant.toml'";
    QTest::newRow("positional after an option")
        << args({"--kiosk", "extra"}) << "unexpected argument 'extra'";
    QTest::newRow("--config without a value")
        << args({"--config"}) << "Missing value after '--config'.";
    QTest::newRow("--config with an empty value")
        << args({"--config", ""}) << "--config needs a file name";
    QTest::newRow("--check-config with an empty value")
        << args({"--check-config="}) << "--check-config needs a file name";
    QTest::newRow("--config and --check-config")
        << args({"--config", "a.toml", "--check-config", "b.toml"})
        << "give either --config or --check-config, not both";
    QTest::newRow("--exit-after zero") << args({"--exit-after", "0"}) << exitAfter;
    QTest::newRow("--exit-after negative") << args({"--exit-after", "-3"}) << exitAfter;
    QTest::newRow("--exit-after fraction") << args({"--exit-after", "1.5"}) << exitAfter;
    QTest::newRow("--exit-after text") << args({"--exit-after", "soon"}) << exitAfter;
    QTest::newRow("--exit-after too large") << args({"--exit-after", "99999999999"}) << exitAfter;
}

void TstCommandLine::rejectsBadCommandLines()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    CommandLine cli;
    QVERIFY(!cli.parse(arguments));
    QCOMPARE(cli.error(), error);
}

void TstCommandLine::helpTextNamesTheProgramAndItsOptions()
{
    const QString help = CommandLine().helpText();
    QVERIFY2(help.startsWith(QStringLiteral("Usage: vigil [options]\n")), qPrintable(help));
    // The parser's own usage line (with the test binary's name) is replaced, not repeated.
    QCOMPARE(help.count(QStringLiteral("Usage:")), 1);
    for (const char *option :
         {"--config <file>", "--check-config <file>", "--kiosk", "--lang <language>",
          "--exit-after <seconds>", "--version", "--help"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
    QVERIFY(help.contains(QStringLiteral("Vigil HMI")));
}

QTEST_GUILESS_MAIN(TstCommandLine)
#include "tst_commandline.moc"
