// CsvDocument: the RFC 4180 reader behind CSV tag lists. Every cell must remember where it
// starts, because configuration errors in a tag list are reported as file:line:column.

#include "config/csvdocument.h"
#include "config/diagnostics.h"

#include <QtTest>

using namespace vigil;

namespace vigil
{
// Lets QCOMPARE print locations when they differ.
char *toString(const SourceLocation &location)
{
    return QTest::toString(location.toString());
}
} // namespace vigil

namespace
{

const QString kPath = QStringLiteral("tags.csv");

SourceLocation at(int line, int column)
{
    return {kPath, line, column};
}

QStringList texts(const CsvDocument::Row &row)
{
    QStringList out;
    for (const CsvDocument::Cell &cell : row.cells)
        out.append(cell.text);
    return out;
}

QList<QStringList> allTexts(const CsvDocument &doc)
{
    QList<QStringList> out;
    for (const CsvDocument::Row &row : doc.rows())
        out.append(texts(row));
    return out;
}

} // namespace

class TstCsvDocument : public QObject
{
    Q_OBJECT

private slots:
    void splitsRowsAndCells();
    void remembersWhereEveryCellAndRowStarts();
    void trimsUnquotedCellsAndPointsAtTheirText();
    void quotedCellsKeepCommasQuotesAndSpaces_data();
    void quotedCellsKeepCommasQuotesAndSpaces();
    void quotedLineBreaksAreTextAndLaterLocationsStayRight();
    void acceptsSpacesAroundAQuotedCell();
    void skipsCommentAndBlankLinesButCountsThem();
    void hashInsideARowIsData();
    void handlesCrLfLineEndings();
    void handlesCrOnlyLineEndings();
    void keepsEmptyCells();
    void lastRowNeedsNoLineBreak();
    void documentsWithoutRowsAreEmpty_data();
    void documentsWithoutRowsAreEmpty();
    void unterminatedQuoteIsAnErrorAtTheOpeningQuote();
    void unbalancedQuoteIsReportedWhereItOpens();
    void textAfterAClosingQuoteIsAnError();
    void parseFileIgnoresAByteOrderMark();
    void parseFileReadsUtf8();
    void parseFileReportsAMissingFile();
    void parseFileNamesASymlinkLoop();
    void parseFileNamesADanglingSymlink();
};

void TstCsvDocument::splitsRowsAndCells()
{
    Diagnostics diag;
    const auto doc = CsvDocument::parse(QStringLiteral("id,type,unit\nTT101,float32,degC\n"
                                                       "PT101,float32,bar\n"),
                                        kPath, diag);
    QVERIFY(doc);
    QCOMPARE(diag.items().size(), 0);
    const QList<QStringList> expected{
        {"id", "type", "unit"}, {"TT101", "float32", "degC"}, {"PT101", "float32", "bar"}};
    QCOMPARE(allTexts(*doc), expected);
}

void TstCsvDocument::remembersWhereEveryCellAndRowStarts()
{
    Diagnostics diag;
    const auto doc =
        CsvDocument::parse(QStringLiteral("id,type\nTT101,float32\nP1,bool\n"), kPath, diag);
    QVERIFY(doc);
    QCOMPARE(doc->rows().size(), 3);
    QCOMPARE(doc->rows()[0].location, at(1, 1));
    QCOMPARE(doc->rows()[0].cells[1].location, at(1, 4));
    QCOMPARE(doc->rows()[1].location, at(2, 1));
    QCOMPARE(doc->rows()[1].cells[0].location, at(2, 1));
    QCOMPARE(doc->rows()[1].cells[1].location, at(2, 7));
    QCOMPARE(doc->rows()[2].cells[1].location, at(3, 4));
    QCOMPARE(doc->rows()[2].cells[1].location.toString(), QStringLiteral("tags.csv:3:4"));
}

void TstCsvDocument::trimsUnquotedCellsAndPointsAtTheirText()
{
    Diagnostics diag;
    const auto doc =
        CsvDocument::parse(QStringLiteral("  TT101 ,\tfloat32\t, deg C \n"), kPath, diag);
    QVERIFY(doc);
    QCOMPARE(doc->rows().size(), 1);
    QCOMPARE(texts(doc->rows()[0]), QStringList({"TT101", "float32", "deg C"}));
    // The location of a cell is its first character of text, not the padding before it.
    QCOMPARE(doc->rows()[0].cells[0].location, at(1, 3));
    QCOMPARE(doc->rows()[0].cells[1].location, at(1, 11));
    QCOMPARE(doc->rows()[0].cells[2].location, at(1, 21));
}

void TstCsvDocument::quotedCellsKeepCommasQuotesAndSpaces_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("cells");

    QTest::newRow("comma") << R"(PT201,"sine:period=5m,lo=6.4,hi=7.2",float32)"
                           << QStringList{"PT201", "sine:period=5m,lo=6.4,hi=7.2", "float32"};
    QTest::newRow("doubled quotes") << R"("say ""hi""",x)" << QStringList{R"(say "hi")", "x"};
    QTest::newRow("only a doubled quote") << R"("""")" << QStringList{R"(")"};
    QTest::newRow("spaces inside quotes") << R"(" padded ",x)" << QStringList{" padded ", "x"};
    QTest::newRow("empty quoted cell") << R"(a,"",b)" << QStringList{"a", "", "b"};
    QTest::newRow("hash inside quotes")
        << R"("# not a comment",x)" << QStringList{"# not a comment", "x"};
    QTest::newRow("quoted last cell") << R"(a,"b,c")" << QStringList{"a", "b,c"};
}

void TstCsvDocument::quotedCellsKeepCommasQuotesAndSpaces()
{
    QFETCH(QString, text);
    QFETCH(QStringList, cells);
    Diagnostics diag;
    const auto doc = CsvDocument::parse(text, kPath, diag);
    QVERIFY2(doc, qPrintable(diag.toStringList().join(u'\n')));
    QCOMPARE(doc->rows().size(), 1);
    QCOMPARE(texts(doc->rows()[0]), cells);
}

void TstCsvDocument::quotedLineBreaksAreTextAndLaterLocationsStayRight()
{
    Diagnostics diag;
    const auto doc = CsvDocument::parse(
        QStringLiteral("id,description,unit\nTT101,\"first line\nsecond line\",degC\nTT102,x,y\n"),
        kPath, diag);
    QVERIFY(doc);
    QCOMPARE(doc->rows().size(), 3);
    const CsvDocument::Row &row = doc->rows()[1];
    QCOMPARE(texts(row), QStringList({"TT101", "first line\nsecond line", "degC"}));
    QCOMPARE(row.cells[1].location, at(2, 7));
    // "second line"," is 13 characters, so degC starts at column 14 of line 3.
    QCOMPARE(row.cells[2].location, at(3, 14));
    QCOMPARE(doc->rows()[2].location, at(4, 1));
    QCOMPARE(doc->rows()[2].cells[2].location, at(4, 9));
}

void TstCsvDocument::acceptsSpacesAroundAQuotedCell()
{
    // Unquoted cells are trimmed, so spaces next to a quoted cell carry no meaning either; the
    // comma inside the quotes must not split the cell.
    Diagnostics diag;
    const auto doc =
        CsvDocument::parse(QStringLiteral("PT201, \"sine:lo=1,hi=2\" ,float32\n"), kPath, diag);
    QVERIFY2(doc, qPrintable(diag.toStringList().join(u'\n')));
    QCOMPARE(doc->rows().size(), 1);
    QCOMPARE(texts(doc->rows()[0]), QStringList({"PT201", "sine:lo=1,hi=2", "float32"}));
    QCOMPARE(doc->rows()[0].cells[1].location, at(1, 8));
    QCOMPARE(doc->rows()[0].cells[2].location, at(1, 26));
}

void TstCsvDocument::skipsCommentAndBlankLinesButCountsThem()
{
    Diagnostics diag;
    const auto doc = CsvDocument::parse(QStringLiteral("# Utilities tag list\n"
                                                       "id,type\n"
                                                       "\n"
                                                       "# commented out: TT900,float32\n"
                                                       "   \n"
                                                       "TT201,float32\n"
                                                       "\t\n"),
                                        kPath, diag);
    QVERIFY(doc);
    QCOMPARE(diag.items().size(), 0);
    const QList<QStringList> expected{{"id", "type"}, {"TT201", "float32"}};
    QCOMPARE(allTexts(*doc), expected);
    QCOMPARE(doc->rows()[0].location, at(2, 1));
    QCOMPARE(doc->rows()[1].location, at(6, 1));
    QCOMPARE(doc->rows()[1].cells[1].location, at(6, 7));
}

void TstCsvDocument::hashInsideARowIsData()
{
    Diagnostics diag;
    const auto doc = CsvDocument::parse(QStringLiteral("TT101,#3 sensor\n"), kPath, diag);
    QVERIFY(doc);
    QCOMPARE(allTexts(*doc), QList<QStringList>({{"TT101", "#3 sensor"}}));
}

void TstCsvDocument::handlesCrLfLineEndings()
{
    Diagnostics diag;
    const auto doc = CsvDocument::parse(
        QStringLiteral("id,type\r\n\r\nTT101,\"a\r\nb\"\r\nX,y\r\n"), kPath, diag);
    QVERIFY(doc);
    const QList<QStringList> expected{{"id", "type"}, {"TT101", "a\r\nb"}, {"X", "y"}};
    QCOMPARE(allTexts(*doc), expected);
    QCOMPARE(doc->rows()[1].location, at(3, 1));
    QCOMPARE(doc->rows()[2].location, at(5, 1));
    QCOMPARE(doc->rows()[2].cells[1].location, at(5, 3));
}

void TstCsvDocument::handlesCrOnlyLineEndings()
{
    // Spreadsheets on old Macs end lines with CR alone: comments, blank lines and quoted line
    // breaks work as with LF, and locations count those lines.
    Diagnostics diag;
    const auto doc =
        CsvDocument::parse(QStringLiteral("# tags\rid,type\r\rTT101,\"a\rb\"\rX,y\r"), kPath, diag);
    QVERIFY2(doc, qPrintable(diag.toStringList().join(u'\n')));
    const QList<QStringList> expected{{"id", "type"}, {"TT101", "a\rb"}, {"X", "y"}};
    QCOMPARE(allTexts(*doc), expected);
    QCOMPARE(doc->rows()[0].location, at(2, 1));
    QCOMPARE(doc->rows()[1].location, at(4, 1));
    QCOMPARE(doc->rows()[2].location, at(6, 1));
    QCOMPARE(doc->rows()[2].cells[1].location, at(6, 3));
}

void TstCsvDocument::keepsEmptyCells()
{
    Diagnostics diag;
    const auto doc = CsvDocument::parse(QStringLiteral("a,,b,\n,\n"), kPath, diag);
    QVERIFY(doc);
    const QList<QStringList> expected{{"a", "", "b", ""}, {"", ""}};
    QCOMPARE(allTexts(*doc), expected);
    QCOMPARE(doc->rows()[0].cells[3].location, at(1, 6));
}

void TstCsvDocument::lastRowNeedsNoLineBreak()
{
    Diagnostics diag;
    const auto doc = CsvDocument::parse(QStringLiteral("id\nTT101"), kPath, diag);
    QVERIFY(doc);
    QCOMPARE(allTexts(*doc), QList<QStringList>({{"id"}, {"TT101"}}));
    const auto quoted = CsvDocument::parse(QStringLiteral("id\n\"TT,101\""), kPath, diag);
    QVERIFY(quoted);
    QCOMPARE(allTexts(*quoted), QList<QStringList>({{"id"}, {"TT,101"}}));
}

void TstCsvDocument::documentsWithoutRowsAreEmpty_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("line breaks") << "\n\r\n\n";
    QTest::newRow("comments") << "# one\n#two\n";
}

void TstCsvDocument::documentsWithoutRowsAreEmpty()
{
    QFETCH(QString, text);
    Diagnostics diag;
    const auto doc = CsvDocument::parse(text, kPath, diag);
    QVERIFY(doc);
    QCOMPARE(doc->rows().size(), 0);
    QCOMPARE(diag.items().size(), 0);
}

void TstCsvDocument::unterminatedQuoteIsAnErrorAtTheOpeningQuote()
{
    Diagnostics diag;
    const auto doc =
        CsvDocument::parse(QStringLiteral("id,address\nTT101,\"sine:lo=0\nTT102,x\n"), kPath, diag);
    QVERIFY(!doc);
    QCOMPARE(diag.errorCount(), 1);
    QCOMPARE(diag.toStringList(), QStringList{"tags.csv:2:7: quoted cell is never closed"});
}

void TstCsvDocument::unbalancedQuoteIsReportedWhereItOpens()
{
    // The quote left open on line 2 is "closed" by the first quote of line 4; the mistake is on
    // line 2, not where the parser notices it.
    Diagnostics diag;
    const auto doc = CsvDocument::parse(QStringLiteral("id,address,type\n"
                                                       "TT101,\"sine:lo=0,float64\n"
                                                       "TT102,x,float64\n"
                                                       "TT103,\"sine:lo=1\",float64\n"),
                                        kPath, diag);
    QVERIFY(!doc);
    QCOMPARE(diag.toStringList(),
             QStringList{"tags.csv:2:7: unbalanced quote: the quoted cell that opens here runs to "
                         "line 4, where its closing quote is followed by text"});
}

void TstCsvDocument::textAfterAClosingQuoteIsAnError()
{
    Diagnostics diag;
    const auto doc =
        CsvDocument::parse(QStringLiteral("id,address\nTT101,\"sine\"lo=0\n"), kPath, diag);
    QVERIFY(!doc);
    QCOMPARE(diag.errorCount(), 1);
    QCOMPARE(diag.toStringList(),
             QStringList{"tags.csv:2:13: unexpected text after a quoted cell"});
}

void TstCsvDocument::parseFileIgnoresAByteOrderMark()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bom.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xEF\xBB\xBFid,type\nTT101,float32\n");
    file.close();

    Diagnostics diag;
    const auto doc = CsvDocument::parseFile(path, diag);
    QVERIFY(doc);
    QCOMPARE(allTexts(*doc), QList<QStringList>({{"id", "type"}, {"TT101", "float32"}}));
    QCOMPARE(doc->rows()[0].cells[0].location, (SourceLocation{path, 1, 1}));
    QCOMPARE(doc->rows()[0].cells[1].location, (SourceLocation{path, 1, 4}));
}

void TstCsvDocument::parseFileReadsUtf8()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("utf8.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("TT201,\u00B0C,\u6E29\u5EA6\n").toUtf8());
    file.close();

    Diagnostics diag;
    const auto doc = CsvDocument::parseFile(path, diag);
    QVERIFY(doc);
    QCOMPARE(texts(doc->rows()[0]), QStringList({"TT201", u"\u00B0C"_qs, u"\u6E29\u5EA6"_qs}));
    QCOMPARE(doc->rows()[0].cells[2].location, (SourceLocation{path, 1, 10}));
}

void TstCsvDocument::parseFileReportsAMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing.csv"));
    Diagnostics diag;
    QVERIFY(!CsvDocument::parseFile(path, diag));
    QCOMPARE(diag.errorCount(), 1);
    QCOMPARE(diag.items()[0].location.file, path);
    QCOMPARE(diag.toStringList().first(),
             path + QStringLiteral(": cannot read the file: No such file or directory"));
}

void TstCsvDocument::parseFileNamesASymlinkLoop()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("loop.csv"));
    QVERIFY(QFile::link(path, path));
    Diagnostics diag;
    QVERIFY(!CsvDocument::parseFile(path, diag));
    QCOMPARE(diag.toStringList(),
             QStringList{path +
                         QStringLiteral(": cannot read the file: it is a symbolic link loop (") +
                         path + QStringLiteral(" -> ") + path + QStringLiteral(")")});
}

void TstCsvDocument::parseFileNamesADanglingSymlink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tags.csv"));
    const QString target = dir.filePath(QStringLiteral("moved.csv"));
    QVERIFY(QFile::link(target, path));
    Diagnostics diag;
    QVERIFY(!CsvDocument::parseFile(path, diag));
    QCOMPARE(diag.toStringList(),
             QStringList{path +
                         QStringLiteral(": cannot read the file: it is a symbolic link to '") +
                         target + QStringLiteral("', which does not exist")});
}

QTEST_GUILESS_MAIN(TstCsvDocument)
#include "tst_csvdocument.moc"
