// CommandLine: the options of the vigil executable, parsed before any application object exists.

#include "commandline.h"

#include <QtTest>

using vigil::CommandLine;
using vigil::HistoryExportArguments;

namespace
{

const QString kCommands = QStringLiteral("export history, user add, user passwd, user disable, "
                                         "user enable, user role, user list, audit verify)");

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
    void runOptionsAsBefore();
    void exportHistory();
    void exportHistoryNeedsItsArguments();
    void userAndAuditCommands();
    void unknownAndIncompleteCommands();
    void helpListsCommands();
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
        << args({"plant.toml"}) << "unknown command 'plant.toml' (commands: " + kCommands;
    QTest::newRow("positional after an option")
        << args({"--kiosk", "extra"}) << "unknown command 'extra' (commands: " + kCommands;
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

namespace
{
QStringList cargs(std::initializer_list<const char *> list)
{
    QStringList out{QStringLiteral("vigil")};
    for (const char *a : list)
        out.append(QString::fromUtf8(a));
    return out;
}
} // namespace

void TstCommandLine::runOptionsAsBefore()
{
    CommandLine cli;
    QVERIFY(cli.parse(cargs({"--config", "plant.toml", "--kiosk", "--exit-after", "3"})));
    QCOMPARE(cli.command, CommandLine::Command::Run);
    QCOMPARE(cli.configPath, QStringLiteral("plant.toml"));
    QVERIFY(cli.kiosk);
    QCOMPARE(cli.exitAfterSeconds, 3);
    CommandLine both;
    QVERIFY(!both.parse(cargs({"--config", "a", "--check-config", "b"})));
}

void TstCommandLine::exportHistory()
{
    CommandLine cli;
    QVERIFY2(cli.parse(cargs({"--config", "plant.toml", "export", "history", "--tags", "FT*,LT101",
                              "--tags", "TT101", "--from", "-2h", "--profile", "Spreadsheet",
                              "--out", "/tmp/x.csv"})),
             qPrintable(cli.error()));
    QCOMPARE(cli.command, CommandLine::Command::ExportHistory);
    QCOMPARE(cli.configPath, QStringLiteral("plant.toml"));
    const HistoryExportArguments &a = cli.exportHistory;
    QCOMPARE(a.tags, QStringList({"FT*", "LT101", "TT101"}));
    QCOMPARE(a.from, QStringLiteral("-2h"));
    QCOMPARE(a.to, QStringLiteral("now"));
    QCOMPARE(a.profile, QStringLiteral("spreadsheet"));
    QCOMPARE(a.out, QStringLiteral("/tmp/x.csv"));
    // --config may also follow the command.
    CommandLine after;
    QVERIFY(after.parse(cargs(
        {"export", "history", "-c", "p.toml", "--tags", "A", "--from", "now", "--out", "o.csv"})));
    QCOMPARE(after.configPath, QStringLiteral("p.toml"));
}

void TstCommandLine::exportHistoryNeedsItsArguments()
{
    CommandLine noTags;
    QVERIFY(!noTags.parse(cargs({"export", "history", "--from", "-1h", "--out", "x"})));
    QVERIFY(noTags.error().contains(u"--tags"));
    CommandLine badProfile;
    QVERIFY(!badProfile.parse(cargs(
        {"export", "history", "--tags", "A", "--from", "-1h", "--out", "x", "--profile", "xls"})));
    QVERIFY(badProfile.error().contains(u"machine or spreadsheet"));
    CommandLine runOption;
    QVERIFY(!runOption.parse(cargs({"export", "history", "--kiosk"})));
    CommandLine extra;
    QVERIFY(!extra.parse(
        cargs({"export", "history", "--tags", "A", "--from", "-1h", "--out", "x", "surplus"})));
    QVERIFY(extra.error().contains(u"surplus"));
    CommandLine help;
    QVERIFY(help.parse(cargs({"export", "history", "--help"})));
    QVERIFY(help.help);
    QVERIFY(help.helpText().contains(u"Usage: vigil export history"));
    QVERIFY(help.helpText().contains(u"--profile"));
}

void TstCommandLine::userAndAuditCommands()
{
    CommandLine add;
    QVERIFY2(add.parse(cargs({"user", "add", "alice", "--role", "operator", "--config", "p.toml"})),
             qPrintable(add.error()));
    QCOMPARE(add.command, CommandLine::Command::User);
    QCOMPARE(add.user.action, QStringLiteral("add"));
    QCOMPARE(add.user.name, QStringLiteral("alice"));
    QCOMPARE(add.user.role, QStringLiteral("operator"));
    QCOMPARE(add.configPath, QStringLiteral("p.toml"));

    CommandLine role;
    QVERIFY(role.parse(cargs({"-c", "p.toml", "user", "role", "alice", "engineer"})));
    QCOMPARE(role.user.action, QStringLiteral("role"));
    QCOMPARE(role.user.name, QStringLiteral("alice"));
    QCOMPARE(role.user.role, QStringLiteral("engineer"));
    QCOMPARE(role.configPath, QStringLiteral("p.toml"));

    CommandLine list;
    QVERIFY(list.parse(cargs({"user", "list"})));
    QCOMPARE(list.user.action, QStringLiteral("list"));
    CommandLine verify;
    QVERIFY(verify.parse(cargs({"audit", "verify", "--config", "p.toml"})));
    QCOMPARE(verify.command, CommandLine::Command::AuditVerify);

    // A password is never an argument: there is no option for one, and no room for it.
    CommandLine noRole;
    QVERIFY(!noRole.parse(cargs({"user", "add", "alice"})));
    QCOMPARE(noRole.error(), QStringLiteral("user add needs --role ROLE"));
    CommandLine noName;
    QVERIFY(!noName.parse(cargs({"user", "passwd"})));
    QCOMPARE(noName.error(), QStringLiteral("user passwd needs NAME"));
    CommandLine password;
    QVERIFY(!password.parse(cargs({"user", "passwd", "alice", "secret"})));
    QCOMPARE(password.error(), QStringLiteral("too many arguments (usage: vigil user passwd NAME); "
                                              "passwords are asked for, never given as arguments"));
    CommandLine option;
    QVERIFY(!option.parse(cargs({"user", "add", "alice", "--role", "admin", "--password", "x"})));
    QCOMPARE(option.error(), QStringLiteral("Unknown option 'password'."));

    CommandLine help;
    QVERIFY(help.parse(cargs({"user", "role", "--help"})));
    QVERIFY(help.help);
    QVERIFY2(help.helpText().startsWith(u"Usage: vigil user role NAME ROLE [options]"),
             qPrintable(help.helpText()));
}

void TstCommandLine::unknownAndIncompleteCommands()
{
    CommandLine unknown;
    QVERIFY(!unknown.parse(cargs({"frobnicate"})));
    QVERIFY(unknown.error().startsWith(u"unknown command 'frobnicate'"));
    QVERIFY(unknown.error().contains(u"export history"));
    CommandLine incomplete;
    QVERIFY(!incomplete.parse(cargs({"export"})));
    QVERIFY(incomplete.error().startsWith(u"incomplete command 'export'"));
}

void TstCommandLine::helpListsCommands()
{
    CommandLine cli;
    QVERIFY(cli.parse(cargs({"--help"})));
    QVERIFY(cli.help);
    QVERIFY(cli.helpText().contains(u"Commands:"));
    QVERIFY(cli.helpText().contains(u"export history"));
}

QTEST_GUILESS_MAIN(TstCommandLine)
#include "tst_commandline.moc"
