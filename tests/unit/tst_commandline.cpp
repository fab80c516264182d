#include "commandline.h"

#include <QtTest>

using namespace vigil;

class TstCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void runOptionsAsBefore();
    void exportHistory();
    void exportHistoryNeedsItsArguments();
    void unknownAndIncompleteCommands();
    void helpListsCommands();
};

namespace
{
QStringList args(std::initializer_list<const char *> list)
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
    QVERIFY(cli.parse(args({"--config", "plant.toml", "--kiosk", "--exit-after", "3"})));
    QCOMPARE(cli.command, CommandLine::Command::Run);
    QCOMPARE(cli.configPath, QStringLiteral("plant.toml"));
    QVERIFY(cli.kiosk);
    QCOMPARE(cli.exitAfterSeconds, 3);
    CommandLine both;
    QVERIFY(!both.parse(args({"--config", "a", "--check-config", "b"})));
}

void TstCommandLine::exportHistory()
{
    CommandLine cli;
    QVERIFY2(cli.parse(args({"--config", "plant.toml", "export", "history", "--tags", "FT*,LT101",
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
    QVERIFY(after.parse(args(
        {"export", "history", "-c", "p.toml", "--tags", "A", "--from", "now", "--out", "o.csv"})));
    QCOMPARE(after.configPath, QStringLiteral("p.toml"));
}

void TstCommandLine::exportHistoryNeedsItsArguments()
{
    CommandLine noTags;
    QVERIFY(!noTags.parse(args({"export", "history", "--from", "-1h", "--out", "x"})));
    QVERIFY(noTags.error().contains(u"--tags"));
    CommandLine badProfile;
    QVERIFY(!badProfile.parse(args(
        {"export", "history", "--tags", "A", "--from", "-1h", "--out", "x", "--profile", "xls"})));
    QVERIFY(badProfile.error().contains(u"machine or spreadsheet"));
    CommandLine runOption;
    QVERIFY(!runOption.parse(args({"export", "history", "--kiosk"})));
    CommandLine extra;
    QVERIFY(!extra.parse(
        args({"export", "history", "--tags", "A", "--from", "-1h", "--out", "x", "surplus"})));
    QVERIFY(extra.error().contains(u"surplus"));
    CommandLine help;
    QVERIFY(help.parse(args({"export", "history", "--help"})));
    QVERIFY(help.help);
    QVERIFY(help.helpText().contains(u"Usage: vigil export history"));
    QVERIFY(help.helpText().contains(u"--profile"));
}

void TstCommandLine::unknownAndIncompleteCommands()
{
    CommandLine unknown;
    QVERIFY(!unknown.parse(args({"frobnicate"})));
    QVERIFY(unknown.error().startsWith(u"unknown command 'frobnicate'"));
    QVERIFY(unknown.error().contains(u"export history"));
    CommandLine incomplete;
    QVERIFY(!incomplete.parse(args({"export"})));
    QVERIFY(incomplete.error().startsWith(u"incomplete command 'export'"));
}

void TstCommandLine::helpListsCommands()
{
    CommandLine cli;
    QVERIFY(cli.parse(args({"--help"})));
    QVERIFY(cli.help);
    QVERIFY(cli.helpText().contains(u"Commands:"));
    QVERIFY(cli.helpText().contains(u"export history"));
}

QTEST_APPLESS_MAIN(TstCommandLine)
#include "tst_commandline.moc"
