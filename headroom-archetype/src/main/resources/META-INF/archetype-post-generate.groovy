// Leaves the files of the chosen flavor only: the templates hold both, and an archetype cannot
// leave a file out by a property. Runs inside the archetype plugin (its own Groovy), offline.
import java.nio.file.Files
import java.nio.file.Path

Path root = Path.of(request.getOutputDirectory(), request.getArtifactId())
String flavor = request.getProperties().getProperty('flavor')
String packagePath = request.getPackage().replace('.', '/')
Path main = root.resolve('src/main/java/' + packagePath)
Path test = root.resolve('src/test/java/' + packagePath)

List<Path> extension = [
    root.resolve('src/main/java/module-info.java'),
    main.resolve('ApiKeyRedactor.java'),
    test.resolve('ApiKeyRedactorTest.java'),
    test.resolve('ApiKeyRedactorContractTest.java'),
    root.resolve('src/main/resources/META-INF/services/dev.headroom.api.PipelineExtension'),
    root.resolve('src/main/resources/META-INF/services'),
    root.resolve('src/main/resources/META-INF'),
]
List<Path> springApp = [
    main.resolve('Application.java'),
    main.resolve('Assistant.java'),
    main.resolve('OrderTools.java'),
    test.resolve('ApplicationTest.java'),
    root.resolve('src/main/resources/application.properties'),
]
(flavor == 'spring-app' ? extension : springApp).each { Files.deleteIfExists(it) }
