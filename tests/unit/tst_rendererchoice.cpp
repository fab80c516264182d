// The scene graph backend chosen at start: what the user asked for wins, a software OpenGL
// rasteriser (or no OpenGL at all) means the software scene graph, a real GPU keeps Qt's choice.

#include "commandline.h"
#include "rendererchoice.h"

#include <QtTest>

using namespace vigil;

using Backend = RendererChoice::Backend;

class TstRendererChoice : public QObject
{
    Q_OBJECT

private slots:
    void recognisesSoftwareRasterisers_data();
    void recognisesSoftwareRasterisers();
    void chooses_data();
    void chooses();
    void commandLineTakesOnlyKnownBackends();
};

void TstRendererChoice::recognisesSoftwareRasterisers_data()
{
    QTest::addColumn<QString>("renderer");
    QTest::addColumn<bool>("software");
    QTest::newRow("llvmpipe") << "llvmpipe (LLVM 15.0.6, 256 bits)" << true;
    QTest::newRow("softpipe") << "softpipe" << true;
    QTest::newRow("swrast") << "Mesa X11 swrast" << true;
    QTest::newRow("upper case") << "LLVMPIPE" << true;
    QTest::newRow("intel") << "Mesa Intel(R) UHD Graphics 620 (KBL GT2)" << false;
    QTest::newRow("v3d") << "V3D 4.2" << false;
    QTest::newRow("word inside another") << "notllvmpipes" << false;
}

void TstRendererChoice::recognisesSoftwareRasterisers()
{
    QFETCH(QString, renderer);
    QFETCH(bool, software);
    QCOMPARE(RendererChoice::isSoftwareRasteriser(renderer), software);
}

void TstRendererChoice::chooses_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<bool>("hasGl");
    QTest::addColumn<QString>("gl");
    QTest::addColumn<int>("backend");
    QTest::addColumn<QString>("reason");
    QTest::newRow("llvmpipe") << ""
                              << "" << true << "llvmpipe (LLVM 15.0.6, 256 bits)"
                              << int(Backend::Software)
                              << "OpenGL renderer 'llvmpipe (LLVM 15.0.6, 256 bits)' is a "
                                 "software rasteriser";
    QTest::newRow("gpu") << ""
                         << "" << true << "V3D 4.2" << int(Backend::QtDefault)
                         << "OpenGL renderer 'V3D 4.2'";
    QTest::newRow("no OpenGL") << ""
                               << "" << false << "" << int(Backend::Software)
                               << "no OpenGL context could be made";
    QTest::newRow("--renderer opengl on llvmpipe")
        << "opengl"
        << "" << true << "llvmpipe" << int(Backend::OpenGL) << "chosen with --renderer opengl";
    QTest::newRow("--renderer software on a GPU")
        << "software"
        << "" << true << "V3D 4.2" << int(Backend::Software) << "chosen with --renderer software";
    QTest::newRow("QT_QUICK_BACKEND") << ""
                                      << "rhi" << true << "llvmpipe" << int(Backend::QtDefault)
                                      << "chosen with QT_QUICK_BACKEND=rhi";
    QTest::newRow("--renderer over QT_QUICK_BACKEND")
        << "software"
        << "rhi" << true << "V3D 4.2" << int(Backend::Software)
        << "chosen with --renderer software";
}

void TstRendererChoice::chooses()
{
    QFETCH(QString, requested);
    QFETCH(QString, environment);
    QFETCH(bool, hasGl);
    QFETCH(QString, gl);
    QFETCH(int, backend);
    QFETCH(QString, reason);
    const RendererChoice choice = RendererChoice::choose(
        requested, environment, hasGl ? std::optional<QString>(gl) : std::nullopt);
    QCOMPARE(int(choice.backend), backend);
    QCOMPARE(choice.reason, reason);
}

void TstRendererChoice::commandLineTakesOnlyKnownBackends()
{
    CommandLine software;
    QVERIFY(software.parse(
        {QStringLiteral("vigil"), QStringLiteral("--renderer"), QStringLiteral("software")}));
    QCOMPARE(software.renderer, QStringLiteral("software"));
    CommandLine none;
    QVERIFY(none.parse({QStringLiteral("vigil")}));
    QVERIFY(none.renderer.isEmpty());
    CommandLine wrong;
    QVERIFY(!wrong.parse(
        {QStringLiteral("vigil"), QStringLiteral("--renderer"), QStringLiteral("vulkan")}));
    QCOMPARE(wrong.error(), QStringLiteral("--renderer takes software or opengl, not 'vulkan'"));
}

QTEST_GUILESS_MAIN(TstRendererChoice)
#include "tst_rendererchoice.moc"
